package dev.tunable.internal.storage;

import dev.tunable.Direction;
import dev.tunable.TrialState;
import dev.tunable.internal.Json;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialAttributeSet;
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
 */
public final class EventCodec {
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
    Map<String, Object> map = new LinkedHashMap<>();
    if (event instanceof StudyCreated created) {
      map.put("type", "study_created");
      map.put("study", created.study());
      map.put("directions", created.directions().stream().map(Direction::name).toList());
      map.put("time", created.time().toString());
    } else if (event instanceof TrialEnqueued enqueued) {
      map.put("type", "trial_enqueued");
      map.put("study", enqueued.study());
      map.put("params", enqueued.params());
      map.put("time", enqueued.time().toString());
    } else if (event instanceof TrialStarted started) {
      map.put("type", "trial_started");
      map.put("study", started.study());
      map.put("number", started.number());
      map.put("params", started.params());
      map.put("queue_entry", started.queueEntry());
      map.put("worker", started.worker());
      map.put("time", started.time().toString());
    } else if (event instanceof TrialReported reported) {
      map.put("type", "trial_reported");
      map.put("study", reported.study());
      map.put("number", reported.number());
      map.put("step", reported.step());
      // "value" keeps the format of journals with one value per report; "values" only when more
      map.put("value", reported.value());
      if (reported.values().length > 1) {
        map.put("values", reported.values());
      }
    } else if (event instanceof TrialAttributeSet attribute) {
      map.put("type", "trial_attribute_set");
      map.put("study", attribute.study());
      map.put("number", attribute.number());
      map.put("key", attribute.key());
      map.put("value", attribute.value());
    } else if (event instanceof TrialFinished finished) {
      map.put("type", "trial_finished");
      map.put("study", finished.study());
      map.put("number", finished.number());
      map.put("state", finished.state().name());
      map.put("values", finished.values());
      map.put("reason", finished.reason());
      map.put("time", finished.time().toString());
    }
    return map;
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
      case "trial_enqueued":
        return new TrialEnqueued(study, (Map<String, Object>) field(map, "params"), time(map));
      case "trial_started":
        return new TrialStarted(study, number(map, "number"),
            (Map<String, Object>) field(map, "params"), number(map, "queue_entry"),
            string(map, "worker"), time(map));
      case "trial_reported":
        return map.containsKey("values")
            ? new TrialReported(study, number(map, "number"), number(map, "step"),
                doubles((List<Object>) map.get("values")))
            : new TrialReported(study, number(map, "number"), number(map, "step"),
                Json.toDouble(field(map, "value")));
      case "trial_attribute_set":
        return new TrialAttributeSet(
            study, number(map, "number"), string(map, "key"), field(map, "value"));
      case "trial_finished":
        return new TrialFinished(study, number(map, "number"),
            TrialState.valueOf(string(map, "state")), doubles((List<Object>) field(map, "values")),
            (String) map.get("reason"),
            time(map));
      default:
        throw new IllegalArgumentException(
            "unknown event type '" + type + "'; was the journal written by a newer Tunable?");
    }
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
