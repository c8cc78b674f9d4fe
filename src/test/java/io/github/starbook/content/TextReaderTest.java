package io.github.starbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fast UTF-8 path must accept exactly what the strict decoder accepts. */
class TextReaderTest {
  @Test
  void validTextWithALiteralReplacementCharacterIsKept() throws Exception {
    String text = "title: caf\u00e9 \uFFFD ok\r\nline two\n";
    assertEquals(
        "title: caf\u00e9 \uFFFD ok\nline two\n",
        TextReader.decode(text.getBytes(StandardCharsets.UTF_8), "a.md"));
  }

  @Test
  void badByteIsReportedAtItsLineAndColumn() {
    byte[] bytes = "ok\nab\u00e9".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 1] = (byte) 0x41; // cut the two-byte sequence for 'é' in half
    TextReader.BadText e =
        assertThrows(TextReader.BadText.class, () -> TextReader.decode(bytes, "a.md"));
    assertEquals(
        "a.md:2:3: error: file is not valid UTF-8 (byte 0xC3)",
        e.diagnostic().format().replaceAll(" \\(save.*", ""));
  }

  @Test
  void encodedSurrogateIsRejectedLikeTheStrictDecoder() {
    byte[] bytes = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    assertThrows(TextReader.BadText.class, () -> TextReader.decode(bytes, "a.md"));
  }

  @Test
  void byteOrderMarkIsDropped() throws Exception {
    assertEquals("x", TextReader.decode("\uFEFFx".getBytes(StandardCharsets.UTF_8), "a.md"));
  }
}
