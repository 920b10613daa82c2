package org.neuromechfly.dmn.benchmarks.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PyTorch contenders: which python3 runs them, where their scripts are, and one step of the dense
 * reference ({@code torch_step.py}) in a fresh process. The scripts lie next to this class and travel
 * with its compiled classes; the time is measured inside Python (forward + backward + Adam), so
 * interpreter start-up is not counted.
 */
final class Torch {
  private static final String DEFAULT_PYTHON = "/usr/bin/python3";

  private Torch() {}

  /** Seconds of one step (median over the script's repetitions), its loss and the process's peak RSS. */
  record DenseStep(double seconds, double loss, double peakRssBytes) {}

  /**
   * The python3 to run the contenders with, from the benchmark argument {@code auto} (/usr/bin/python3
   * if it has torch), {@code none}, or a path; empty (with the reason printed) when there is none.
   */
  static Optional<String> python(String choice) {
    if (choice.equals("none")) {
      System.out.println("PyTorch contender: skipped (torch = none)");
      return Optional.empty();
    }
    String python = choice.equals("auto") ? DEFAULT_PYTHON : choice;
    if (Files.isExecutable(Path.of(python)) && canImportTorch(python)) {
      return Optional.of(python);
    }
    System.out.println("PyTorch contender: skipped (" + python + " cannot import torch; Debian: apt-get install -y"
        + " python3-torch, or pass the path of a python3 that has it)");
    return Optional.empty();
  }

  private static boolean canImportTorch(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A contender script next to this class, as a file. */
  static Path script(String name) {
    URL url = Torch.class.getResource(name);
    if (url == null || !url.getProtocol().equals("file")) {
      throw new IllegalStateException(name + " is not on the class path as a file (" + url
          + "): run the benchmarks from their compiled classes, as benchmarks/run does");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code reps} steps of {@code torch_step.py} on {@code model} in a fresh process pinned to
   * {@code threads} threads (the script sets 2 on import, so the wrapper fixes the count first).
   */
  static DenseStep denseStep(String python, Path model, int threads, int reps) throws IOException,
      InterruptedException {
    // VmHWM, not getrusage: ru_maxrss keeps the JVM's peak across the exec that started Python
    String wrapper = "import runpy, sys, torch\n"
        + "torch.set_num_threads(int(sys.argv[4])); torch.set_num_threads = lambda n: None\n"
        + "sys.argv = sys.argv[1:4]\n"
        + "runpy.run_path(sys.argv[0], run_name='__main__')\n"
        + "print('PEAK_RSS_KB', [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0])\n";
    ProcessBuilder pb = new ProcessBuilder(python, "-c", wrapper, script("torch_step.py").toString(),
        model.toString(), String.valueOf(reps), String.valueOf(threads));
    pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    double seconds = Double.NaN;
    double loss = Double.NaN;
    double rss = Double.NaN;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] w = line.split(" ");
        if (line.startsWith("STEP ")) {
          seconds = Double.parseDouble(w[1]);
          loss = Double.parseDouble(w[3]);
        } else if (line.startsWith("PEAK_RSS_KB ")) {
          rss = Double.parseDouble(w[1]) * 1024;
        } else {
          System.out.println("  pytorch: " + line);
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the PyTorch reference failed (exit " + p.exitValue() + "); its output is above");
    }
    return new DenseStep(seconds, loss, rss);
  }
}
