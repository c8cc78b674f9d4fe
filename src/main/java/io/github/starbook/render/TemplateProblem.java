package io.github.starbook.render;

import io.github.starbook.content.Fields;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pebble error said in the template author's words: the variable or attribute as the template
 * wrote it, where on the line, and the nearest name that exists; never a Java class name.
 */
record TemplateProblem(int column, String message, String hint) {
  private static final Pattern OWNER = Pattern.compile("of \\[([\\w.$]+)]");
  private static final Pattern JAVA_NAME = Pattern.compile("(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)");
  private static final String HINT =
      "check the name against the variables listed in the README's Templates section";

  /** Explains {@code e}, raised on {@code lineText} of a template rendered with {@code context}. */
  static TemplateProblem of(PebbleException e, String lineText, Map<String, Object> context) {
    String line = lineText == null ? "" : lineText;
    if (e instanceof RootAttributeNotFoundException r) {
      String name = r.getAttributeName();
      return new TemplateProblem(
          column(line, Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b")),
          "no variable '" + name + "'",
          suggestion(name, context.keySet()));
    }
    if (e instanceof AttributeNotFoundException a) {
      String name = a.getAttributeName();
      Matcher m =
          Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\.\\s*" + Pattern.quote(name) + "\\b")
              .matcher(line);
      String owner = m.find() ? m.group(1) : "this value";
      int column = m.find(0) ? m.start() + 1 : column(line, Pattern.compile(Pattern.quote(name)));
      return new TemplateProblem(
          column,
          "no attribute '" + name + "' on " + owner,
          suggestion(name, attributes(e.getPebbleMessage())));
    }
    String message = JAVA_NAME.matcher(String.valueOf(e.getPebbleMessage())).replaceAll("$1");
    return new TemplateProblem(1, "template error: " + message, "fix the template");
  }

  private static int column(String line, Pattern p) {
    Matcher m = p.matcher(line);
    return m.find() ? m.start() + 1 : 1;
  }

  private static String suggestion(String name, Collection<String> known) {
    String near = Fields.nearest(name, known);
    return near != null ? "did you mean '" + near + "'?" : HINT;
  }

  /** The attribute names Pebble can read on the class a message names: components, getters. */
  private static Set<String> attributes(String message) {
    Set<String> names = new TreeSet<>();
    Matcher m = OWNER.matcher(String.valueOf(message));
    if (!m.find()) {
      return names;
    }
    try {
      Class<?> type = Class.forName(m.group(1), false, TemplateProblem.class.getClassLoader());
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          names.add(c.getName());
        }
      }
      for (Method method : type.getMethods()) {
        if (method.getParameterCount() == 0
            && Modifier.isPublic(method.getModifiers())
            && method.getDeclaringClass() != Object.class) {
          names.add(bean(method.getName()));
        }
      }
    } catch (ClassNotFoundException | LinkageError ex) {
      // an unknown owner: no suggestion
    }
    return names;
  }

  private static String bean(String method) {
    for (String prefix : new String[] {"get", "is"}) {
      if (method.startsWith(prefix)
          && method.length() > prefix.length()
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        String rest = method.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return method;
  }
}
