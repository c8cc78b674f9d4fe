package io.github.starbook.content;

import io.github.starbook.diag.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where the first bad byte is. */
public final class TextReader {
  private TextReader() {}

  /** The decoded text, or throws with a diagnostic pointing at the line of the first bad byte. */
  public static String decode(byte[] bytes, String display) throws BadText {
    // Fast path: the JDK's own decoder (ASCII is a copy). It replaces bad bytes with U+FFFD, so
    // a result without U+FFFD came from valid UTF-8; otherwise decode strictly to find the byte.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return normalize(fast);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      int col = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          col = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          col++;
        }
      }
      throw new BadText(
          Diagnostic.error(
              display,
              line,
              col,
              String.format("file is not valid UTF-8 (byte 0x%02X)", bytes[bad] & 0xFF),
              "save the file as UTF-8 in your editor"));
    }
    decoder.flush(out);
    out.flip();
    return normalize(out.toString());
  }

  /** Drops a leading BOM and turns CRLF and lone CR into LF. */
  static String normalize(String s) {
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    if (s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** The file could not be decoded. */
  public static final class BadText extends CharacterCodingException {
    private final transient Diagnostic diagnostic;

    BadText(Diagnostic d) {
      this.diagnostic = d;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }
}
