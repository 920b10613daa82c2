package org.neuromechfly.dmn.benchmarks.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuromechfly.dmn.engine.network.Network;

/** A warm PyTorch process running {@code torch_sparse_step.py serve}: one step per request. */
final class TorchSession implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Path dir;
  private final int threads;

  private TorchSession(Process process, Path dir, int threads) {
    this.process = process;
    this.dir = dir;
    this.threads = threads;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static TorchSession start(String python, Path dir, int threads) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(python, "-u", Torch.script("torch_sparse_step.py").toString(),
        dir.toString(), "serve", "check");
    pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
    pb.environment().put("DMN_TORCH_THREADS", String.valueOf(threads));
    pb.redirectErrorStream(true);
    TorchSession s = new TorchSession(pb.start(), dir, threads);
    s.await("READY");
    return s;
  }

  int threads() {
    return threads;
  }

  /** Runs one training step; returns {seconds, loss}. */
  double[] step() throws IOException {
    in.write("step\n");
    in.flush();
    String[] w = await("STEP").split(" ");
    return new double[] {Double.parseDouble(w[1]), Double.parseDouble(w[3])};
  }

  /** d loss / d signed weight of the last step, per projection in the exported edge order. */
  double[][] signedWeightGradients(Network net) throws IOException {
    in.write("grads\n");
    in.flush();
    await("GRADS");
    ByteBuffer all =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("grad-weights.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    double[][] g = new double[net.synapses().size()][];
    for (int q = 0; q < g.length; q++) {
      g[q] = new double[net.synapses().get(q).edges().edgeCount()];
      for (int e = 0; e < g[q].length; e++) {
        g[q][e] = all.getDouble();
      }
    }
    return g;
  }

  /** Peak resident set of the PyTorch process so far, GB. */
  double peakRssGb() throws IOException {
    in.write("rss\n");
    in.flush();
    return Double.parseDouble(await("RSS").split(" ")[2]) * 1024 / 1e9;
  }

  private String await(String prefix) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("  pytorch: " + line);
    }
    throw new IOException("the PyTorch process ended before " + prefix);
  }

  @Override
  public void close() throws Exception {
    in.write("quit\n");
    in.flush();
    process.waitFor();
  }
}
