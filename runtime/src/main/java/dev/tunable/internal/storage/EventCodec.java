package dev.tunable.internal.storage;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Condition;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.internal.Json;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.StudyDeleted;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialConstraintsSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as JSON objects, one per event, with a {@code "type"} and snake_case fields; the format of
 * the file journal, meant to be read by people and tools for years, and shared by any storage that
 * keeps events as text.
 *
 * <p>A value (a hyperparameter's or a user attribute's) is a JSON string, number or boolean, as
 * its stored form is a {@link String}, a {@link Long} or {@link Double}, or a {@link Boolean}. JSON
 * has no NaN or infinity, so a non-finite {@link Double} value is the object {@code {"double":
 * "NaN"}}, {@code {"double": "Infinity"}} or {@code {"double": "-Infinity"}}: typed, so that it
 * never reads back as the string {@code "NaN"}, which a user may also store. Journals written before
 * this form held such values as those strings, and read back as strings, as they always did; no
 * value of theirs is an object, so none is mistaken for the typed form (issue 12). Arrays of
 * numbers (reported, objective and constraint values) are numbers by position and keep the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} of {@link Json}.
 *
 * <p>A search space ({@code space_set}) is a list of dimensions, each an object with its {@code
 * name} and {@code kind}: {@code "real"} with {@code low}, {@code high}, {@code scale}, {@code
 * step} and {@code float}; {@code "integer"} with {@code low}, {@code high}, {@code scale}, {@code
 * step} and {@code int}; {@code "categorical"} with its {@code choices} (values as above); {@code
 * "boolean"}. A conditional dimension also has its {@code condition}: {@code {"parent":
 * "optimizer", "labels": ["adam"]}} (issue 14); dimensions of journals written before have none.
 * Journals written before the event existed have none, and their studies no recorded space
 * (issue 17).
 *
 * <p>A run's settings ({@code run_recorded}) are an object of strings under {@code settings};
 * journals written before it have none, and their trials no recorded settings.
 */
public final class EventCodec {
  /**
   * The user attribute under which journals written before {@code trial_constraints_set} existed
   * kept a trial's constraints; read back as that event.
   */
  private static final String LEGACY_CONSTRAINTS_KEY = "tunable.constraints";

  /** The key of the object that holds a non-finite double value. */
  private static final String DOUBLE = "double";

  private EventCodec() {}

  /** {@code event} as a JSON object. */
  public static String encode(Event event) {
    return Json.write(toMap(event));
  }

  /** {@code events} as one JSON value: the object of a single event, or an array of them. */
  public static String encode(List<Event> events) {
    if (events.size() == 1) {
      return encode(events.get(0));
    }
    List<Object> array = new ArrayList<>();
    for (Event event : events) {
      array.add(toMap(event));
    }
    return Json.write(array);
  }

  /**
   * The events of one JSON value written by {@link #encode(List)}.
   *
   * @throws IllegalArgumentException if the text is not such a value
   */
  public static List<Event> decode(String json) {
    Object value = Json.parse(json);
    List<Event> events = new ArrayList<>();
    if (value instanceof List<?> array) {
      for (Object item : array) {
        events.add(fromMap(item));
      }
    } else {
      events.add(fromMap(value));
    }
    return events;
  }

  private static Map<String, Object> toMap(Event event) {
    return event.accept(ENCODER);
  }

  /** Each kind of event as a map with a {@code "type"}, its fields in snake_case. */
  private static final Event.Visitor<Map<String, Object>> ENCODER = new Event.Visitor<>() {
    @Override
    public Map<String, Object> visitStudyCreated(StudyCreated created) {
      Map<String, Object> map = typed("study_created", created);
      map.put("directions", created.directions().stream().map(Direction::name).toList());
      map.put("time", created.time().toString());
      return map;
    }

    @Override
    public Map<String, Object> visitSpaceSet(SpaceSet set) {
      Map<String, Object> map = typed("space_set", set);
      map.put("dimensions", set.dimensions().stream().map(d -> {
        Map<String, Object> dimension = d.accept(DIMENSION);
        Condition condition = set.conditions().get(d.name());
        if (condition != null) {
          Map<String, Object> when = new LinkedHashMap<>();
          when.put("parent", condition.parent());
          when.put("labels", condition.labels());
          dimension.put("condition", when);
        }
        return dimension;
      }).toList());
      map.put("time", set.time().toString());
      return map;
    }

    @Override
    public Map<String, Object> visitRunRecorded(RunRecorded run) {
      Map<String, Object> map = typed("run_recorded", run);
      map.put("settings", run.settings());
      map.put("time", run.time().toString());
      return map;
    }

    @Override
    public Map<String, Object> visitTrialEnqueued(TrialEnqueued enqueued) {
      Map<String, Object> map = typed("trial_enqueued", enqueued);
      map.put("params", values(enqueued.params()));
      map.put("time", enqueued.time().toString());
      if (enqueued.retryOf() >= 0) {
        map.put("retry_of", enqueued.retryOf());
      }
      return map;
    }

    @Override
    public Map<String, Object> visitTrialStarted(TrialStarted started) {
      Map<String, Object> map = typed("trial_started", started);
      map.put("number", started.number());
      map.put("params", values(started.params()));
      map.put("queue_entry", started.queueEntry());
      map.put("worker", started.worker());
      map.put("time", started.time().toString());
      return map;
    }

    @Override
    public Map<String, Object> visitTrialReported(TrialReported reported) {
      Map<String, Object> map = typed("trial_reported", reported);
      map.put("number", reported.number());
      map.put("step", reported.step());
      // "value" keeps the format of journals with one value per report; "values" only when more
      map.put("value", reported.value());
      if (reported.values().length > 1) {
        map.put("values", reported.values());
      }
      return map;
    }

    @Override
    public Map<String, Object> visitTrialAttributeSet(TrialAttributeSet attribute) {
      Map<String, Object> map = typed("trial_attribute_set", attribute);
      map.put("number", attribute.number());
      map.put("key", attribute.key());
      map.put("value", value(attribute.value()));
      return map;
    }

    @Override
    public Map<String, Object> visitTrialConstraintsSet(TrialConstraintsSet set) {
      Map<String, Object> map = typed("trial_constraints_set", set);
      map.put("number", set.number());
      map.put("constraints", set.constraints());
      return map;
    }

    @Override
    public Map<String, Object> visitTrialFinished(TrialFinished finished) {
      Map<String, Object> map = typed("trial_finished", finished);
      map.put("number", finished.number());
      map.put("state", finished.state().name());
      map.put("values", finished.values());
      map.put("reason", finished.reason());
      map.put("time", finished.time().toString());
      return map;
    }

    @Override
    public Map<String, Object> visitStudyDeleted(StudyDeleted deleted) {
      Map<String, Object> map = typed("study_deleted", deleted);
      map.put("time", deleted.time().toString());
      return map;
    }

    private Map<String, Object> typed(String type, Event event) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("type", type);
      map.put("study", event.study());
      return map;
    }
  };

  /** Each kind of dimension as a map with its {@code "kind"}. */
  private static final Dimension.Visitor<Map<String, Object>> DIMENSION =
      new Dimension.Visitor<>() {
    @Override
    public Map<String, Object> visitReal(RealDimension real) {
      Map<String, Object> map = kind(real, "real");
      map.put("low", real.low());
      map.put("high", real.high());
      map.put("scale", real.scale().name());
      map.put("step", real.step());
      map.put("float", real.isFloat());
      return map;
    }

    @Override
    public Map<String, Object> visitInteger(IntegerDimension integer) {
      Map<String, Object> map = kind(integer, "integer");
      map.put("low", integer.low());
      map.put("high", integer.high());
      map.put("scale", integer.scale().name());
      map.put("step", integer.step());
      map.put("int", integer.isInt());
      return map;
    }

    @Override
    public Map<String, Object> visitCategorical(CategoricalDimension<?> categorical) {
      Map<String, Object> map = kind(categorical, "categorical");
      map.put("choices", categorical.choices().stream().map(EventCodec::value).toList());
      return map;
    }

    @Override
    public Map<String, Object> visitBoolean(BooleanDimension bool) {
      return kind(bool, "boolean");
    }

    private Map<String, Object> kind(Dimension<?> dimension, String kind) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", dimension.name());
      map.put("kind", kind);
      return map;
    }
  };

  /** The dimension of one entry of a {@code space_set} event's {@code "dimensions"}. */
  @SuppressWarnings("unchecked")
  private static Dimension<?> dimension(Map<String, Object> event, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "event space_set has a dimension " + Json.write(value) + ", not an object");
    }
    Map<String, Object> map = (Map<String, Object>) value;
    String name = (String) field(map, "name");
    String kind = (String) field(map, "kind");
    return switch (kind) {
      case "real" -> new RealDimension(name, Json.toDouble(field(map, "low")),
          Json.toDouble(field(map, "high")), Scale.valueOf((String) field(map, "scale")),
          Json.toDouble(field(map, "step")), (Boolean) field(map, "float"));
      case "integer" -> new IntegerDimension(name, number(map, "low"), number(map, "high"),
          Scale.valueOf((String) field(map, "scale")), number(map, "step"),
          (Boolean) field(map, "int"));
      case "categorical" -> new CategoricalDimension<>(name,
          ((List<Object>) field(map, "choices")).stream()
              .map(choice -> storedValue(event, "choices of " + name, choice)).toList());
      case "boolean" -> new BooleanDimension(name);
      default -> throw new IllegalArgumentException("dimension '" + name + "' of event space_set"
          + " is of unknown kind '" + kind + "'; was the journal written by a newer Tunable?");
    };
  }

  /**
   * The conditions of the entries of a {@code space_set} event's {@code "dimensions"} that have
   * one, by name; none in journals written before conditions were (issue 14).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Condition> conditions(List<Object> dimensions) {
    Map<String, Condition> conditions = new LinkedHashMap<>();
    for (Object dimension : dimensions) {
      Object condition = ((Map<String, Object>) dimension).get("condition");
      if (condition == null) {
        continue;
      }
      String name = (String) ((Map<String, Object>) dimension).get("name");
      if (!(condition instanceof Map<?, ?> object)
          || !(object.get("parent") instanceof String parent)
          || !(object.get("labels") instanceof List<?> labels)
          || !labels.stream().allMatch(String.class::isInstance)) {
        throw new IllegalArgumentException("dimension '" + name + "' of event space_set has the"
            + " condition " + Json.write(condition) + "; expected {\"parent\": a name, \"labels\":"
            + " [its values as strings]}");
      }
      conditions.put(name, new Condition(parent, (List<String>) labels));
    }
    return conditions;
  }

  @SuppressWarnings("unchecked")
  private static Event fromMap(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("an event must be a JSON object, got " + value);
    }
    Map<String, Object> map = (Map<String, Object>) value;
    String type = string(map, "type");
    String study = string(map, "study");
    switch (type) {
      case "study_created":
        return new StudyCreated(study,
            ((List<Object>) field(map, "directions")).stream()
                .map(d -> Direction.valueOf((String) d)).toList(),
            time(map));
      case "space_set":
        List<Object> dimensions = (List<Object>) field(map, "dimensions");
        return new SpaceSet(study, dimensions.stream()
            .<Dimension<?>>map(d -> dimension(map, d)).toList(), conditions(dimensions),
            time(map));
      case "run_recorded":
        return new RunRecorded(study, settings(map), time(map));
      case "trial_enqueued":
        return new TrialEnqueued(study, params(map), time(map),
            map.containsKey("retry_of") ? number(map, "retry_of") : -1);
      case "trial_started":
        return new TrialStarted(study, number(map, "number"), params(map),
            number(map, "queue_entry"), string(map, "worker"), time(map));
      case "trial_reported":
        return map.containsKey("values")
            ? new TrialReported(study, number(map, "number"), number(map, "step"),
                doubles((List<Object>) map.get("values")))
            : new TrialReported(study, number(map, "number"), number(map, "step"),
                Json.toDouble(field(map, "value")));
      case "trial_attribute_set":
        if (LEGACY_CONSTRAINTS_KEY.equals(map.get("key"))) {
          return new TrialConstraintsSet(study, number(map, "number"),
              legacyConstraints(string(map, "value")));
        }
        return new TrialAttributeSet(study, number(map, "number"), string(map, "key"),
            storedValue(map, "value", field(map, "value")));
      case "trial_constraints_set":
        return new TrialConstraintsSet(study, number(map, "number"),
            doubles((List<Object>) field(map, "constraints")));
      case "trial_finished":
        return new TrialFinished(study, number(map, "number"),
            TrialState.valueOf(string(map, "state")), doubles((List<Object>) field(map, "values")),
            (String) map.get("reason"),
            time(map));
      case "study_deleted":
        return new StudyDeleted(study, time(map));
      default:
        throw new IllegalArgumentException(
            "unknown event type '" + type + "'; was the journal written by a newer Tunable?");
    }
  }

  /** The {@code "settings"} of a {@code run_recorded} event: names to string values. */
  private static Map<String, String> settings(Map<String, Object> map) {
    Object settings = field(map, "settings");
    if (!(settings instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException(
          "event run_recorded has settings " + Json.write(settings) + ", not an object");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      if (!(entry.getValue() instanceof String value)) {
        throw new IllegalArgumentException("event run_recorded has settings." + entry.getKey()
            + " = " + Json.write(entry.getValue()) + ", not a string");
      }
      strings.put((String) entry.getKey(), value);
    }
    return strings;
  }

  /** {@code value} as JSON holds it: a non-finite double as its typed object. */
  private static Object value(Object value) {
    if (value instanceof Double number && !Double.isFinite(number)) {
      return Map.of(DOUBLE, number.toString());
    }
    return value;
  }

  /** {@code params} as JSON holds them: {@code params} itself unless a value is non-finite. */
  private static Map<String, Object> values(Map<String, Object> params) {
    Map<String, Object> json = params;
    for (Map.Entry<String, Object> entry : params.entrySet()) {
      Object value = value(entry.getValue());
      if (value != entry.getValue()) {
        if (json == params) {
          json = new LinkedHashMap<>(params);
        }
        json.put(entry.getKey(), value);
      }
    }
    return json;
  }

  /** The event's {@code "params"}, each value in stored form. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> map) {
    Object params = field(map, "params");
    if (!(params instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "event " + map.get("type") + " has params " + params + ", not an object");
    }
    Map<String, Object> stored = (Map<String, Object>) params;
    for (Map.Entry<String, Object> entry : stored.entrySet()) {
      entry.setValue(storedValue(map, "params." + entry.getKey(), entry.getValue()));
    }
    return stored;
  }

  /**
   * A value read from JSON in stored form: a typed non-finite double becomes the {@link Double},
   * anything else stays as read.
   */
  private static Object storedValue(Map<String, Object> map, String where, Object value) {
    if (!(value instanceof Map<?, ?> object)) {
      return value;
    }
    Object text = object.get(DOUBLE);
    if (object.size() == 1 && ("NaN".equals(text) || "Infinity".equals(text)
        || "-Infinity".equals(text))) {
      return Double.valueOf((String) text);
    }
    throw new IllegalArgumentException("event " + map.get("type") + " has " + where + " = "
        + Json.write(value) + ", which is not a value; a value is a string, a number, a boolean,"
        + " or {\"double\": \"NaN\"}, {\"double\": \"Infinity\"} or {\"double\": \"-Infinity\"}");
  }

  /** Constraints as journals before the typed event kept them: their decimal forms, comma-separated. */
  private static double[] legacyConstraints(String text) {
    String[] parts = text.split(",");
    double[] constraints = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      constraints[i] = Double.parseDouble(parts[i]);
    }
    return constraints;
  }

  private static double[] doubles(List<Object> list) {
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Json.toDouble(list.get(i));
    }
    return values;
  }

  private static Object field(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("event " + map.get("type") + " lacks '" + key + "'");
    }
    return value;
  }

  private static String string(Map<String, Object> map, String key) {
    return (String) field(map, key);
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) field(map, key)).longValue();
  }

  private static Instant time(Map<String, Object> map) {
    return Instant.parse(string(map, "time"));
  }
}
