package org.neuromechfly.dmn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTextTest {
  @Test
  void controlCharactersBecomeEscapes() {
    assertEquals("a\\nb\\rc\\fd\\te\\u0000f\\u2028", PrintableText.oneLine("a\nb\rc\fd\te\u0000f\u2028"));
    assertEquals("\\ufeffcircuit", PrintableText.oneLine("\uFEFFcircuit"));
    String plain = "nothing to escape: ä → µm";
    assertSame(plain, PrintableText.oneLine(plain));
  }

  @Test
  void excerptsAreCutAndSayHowLongTheTextWas() {
    assertEquals("abc", PrintableText.excerpt("abc", 5));
    assertEquals("abcde… (7 characters)", PrintableText.excerpt("abcdefg", 5));
    assertEquals("a\\nb… (100 characters)", PrintableText.excerpt("a\nb" + "x".repeat(97), 3));
  }
}
