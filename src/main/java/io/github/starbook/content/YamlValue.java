package io.github.starbook.content;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it starts in the file. {@code value} is a String, Long, Double, Boolean,
 * null, {@code List<YamlValue>} or {@code Map<String, YamlEntry>}.
 */
public record YamlValue(Object value, int line, int column) {

  /** A key with its position and its value. */
  public record Entry(String key, int line, int column, YamlValue value) {}

  public String typeName() {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String) {
      return "text";
    }
    if (value instanceof Long || value instanceof Double) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "true/false";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    return value.getClass().getSimpleName();
  }
}
