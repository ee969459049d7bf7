package dev.tunable.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void roundTripsEveryKindOfValue() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("double", 0.1 + 0.2);
    map.put("tiny", 4.9e-324);
    map.put("huge", -1.7976931348623157e308);
    map.put("whole", 3.0);
    map.put("long", Long.MIN_VALUE);
    map.put("flag", false);
    map.put("none", null);
    map.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 é 😀");
    map.put("list", List.of(1L, "two", List.of()));
    String json = Json.write(map);
    assertEquals(map, Json.parse(json));
    assertEquals(Double.class, ((Map<?, ?>) Json.parse(json)).get("whole").getClass());
  }

  /** UTF-8 cannot encode an unpaired surrogate; its escape keeps it, and pairs stay as they are. */
  @Test
  void unpairedSurrogatesAreEscapedAndReadBackAsTheyWere() {
    String text = "\uD800 a \uDC00\uD83D\uDE80 \uD83D";
    String json = Json.write(text);
    assertEquals("\"\\ud800 a \\udc00\uD83D\uDE80 \\ud83d\"", json);
    assertEquals(text, Json.parse(json));
    assertEquals(text, Json.parse(new String(json.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8)));
  }

  @Test
  void nonFiniteDoublesBecomeStrings() {
    String json = Json.write(new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-7});
    assertEquals("[\"NaN\",\"Infinity\",-0.0,1.0E-7]", json);
    List<?> back = (List<?>) Json.parse(json);
    double[] values = back.stream().mapToDouble(Json::toDouble).toArray();
    assertEquals(Arrays.toString(new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-7}),
        Arrays.toString(values));
  }

  @Test
  void errorsNameThePosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": tru}"));
    assertEquals("invalid JSON at character 6: expected true", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
  }
}
