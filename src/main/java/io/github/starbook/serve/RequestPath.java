package io.github.starbook.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the raw path of a request into a path inside the served tree, or refuses it. Percent
 * escapes are decoded once (strict UTF-8); a dot segment ({@code .} or {@code ..}, however
 * encoded), a backslash, a NUL or an empty segment in the middle is refused rather than resolved,
 * so no request can name a file outside the tree.
 */
final class RequestPath {
  private RequestPath() {}

  /** The decoded path without its leading '/', e.g. {@code guide/strategy/}; null when refused. */
  static String clean(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return null;
    }
    String decoded = decode(rawPath);
    if (decoded == null || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
      return null;
    }
    String rest = decoded.substring(1);
    String[] segments = rest.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".") || s.equals("..") || (s.isEmpty() && !last)) {
        return null;
      }
      for (int k = 0; k < s.length(); k++) {
        if (Character.isISOControl(s.charAt(k))) {
          return null;
        }
      }
    }
    return rest;
  }

  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c > 0x7f) {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
