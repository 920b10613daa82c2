package org.neuromechfly.dmn.engine.samediff;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Silences what ND4J 1.0.0-M2.1 prints while it builds a gradient function — one
 * {@code System.out.println} per op, not a logger, so it cannot be configured away — for the thread
 * that builds, and for nothing else: the first use puts a pass-through stream in front of
 * {@code System.out} that drops only the bytes written by a thread inside {@link #run}. Other threads'
 * output (progress bars, other tools, other builds) goes through unchanged.
 */
final class QuietConsole {
  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);
  private static boolean installed;

  private QuietConsole() {}

  /** Runs {@code action} with this thread's console output dropped. */
  static void run(Runnable action) {
    install();
    boolean before = QUIET.get();
    QUIET.set(true);
    try {
      action.run();
    } finally {
      QUIET.set(before);
    }
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    PrintStream console = System.out;
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        if (!QUIET.get()) {
          console.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        if (!QUIET.get()) {
          console.write(bytes, offset, length);
        }
      }

      @Override
      public void flush() throws IOException {
        console.flush();
      }
    }, true));
    installed = true;
  }
}
