package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.cli.DmnCommandLineTest.Result;

/**
 * The sweep on a real Spark standalone cluster on this machine: a master and a worker started from
 * Spark's own classes as separate processes on 127.0.0.1, a sweep sent to them with
 * {@code --master spark://127.0.0.1:PORT}, one of its executors killed mid-run (the worker starts a new
 * one and Spark retries the task), the table checked, everything shut down. Bounded in time.
 */
class SparkClusterTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void aSweepRunsOnAStandaloneMasterAndWorkerAndSurvivesAKilledExecutor() throws Exception {
    int masterPort = freePort();
    int masterUi = freePort();
    int workerUi = freePort();
    // the worker starts executors with SPARK_HOME/jars on their class path; ours come from the application
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(sparkHome.resolve("jars"));
    List<Process> cluster = new ArrayList<>();
    try {
      cluster.add(start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)));
      awaitPort(masterPort, cluster.get(0));
      cluster.add(start(sparkHome, "worker", "org.apache.spark.deploy.worker.Worker", "spark://127.0.0.1:" + masterPort,
          "--host", "127.0.0.1", "--cores", "2", "--memory", "3g", "--webui-port", Integer.toString(workerUi),
          "--work-dir", Files.createDirectories(dir.resolve("work")).toString()));
      // on a loaded machine a worker can take longer to start than the sweep waits for an executor
      awaitWorker(masterUi, cluster);

      Path file = SweepCommandTest.model(dir, SweepCommandTest.TINY + SweepCommandTest.SWEEP);
      Path out = dir.resolve("sweep");
      Result r;
      // the first attempt of run-001 ends its executor's JVM, as a killed worker process would
      System.setProperty("dmn.sweep.fault", "run-001:halt:1");
      System.setProperty("dmn.sweep.classpath", classPath());
      try {
        r = SweepCommandTest.sweep(file.toString(), "--out", out.toString(), "--master", "spark://127.0.0.1:" + masterPort,
            "--executor-memory", "1g", "--no-progress");
      } finally {
        System.clearProperty("dmn.sweep.fault");
        System.clearProperty("dmn.sweep.classpath");
      }
      assertEquals(0, r.exit(), r.out() + r.err() + logs());
      assertTrue(r.out().contains("done: 4 of 4 runs completed, 0 failed"), r.out());
      assertTrue(r.out().contains("(spark://127.0.0.1:" + masterPort + ")"), r.out());
      List<String> csv = Files.readAllLines(out.resolve("results.csv"));
      assertEquals(5, csv.size());
      csv.subList(1, 5).forEach(line -> assertTrue(line.contains(",completed,"), line));
      String retried = Files.readString(out.resolve("runs/run-001/sweep-run.json"));
      assertTrue(retried.contains("\"attempts\" : 2"), "run-001 was not retried after its executor died: " + retried);
      try (var db = DriverManager.getConnection("jdbc:duckdb:");
          var rs = db.createStatement().executeQuery("select count(*), count(distinct run_id), min(status), max(status)"
              + " from read_parquet('" + out.resolve("results.parquet") + "/*.parquet')")) {
        rs.next();
        assertEquals(4, rs.getInt(1));
        assertEquals(4, rs.getInt(2));
        assertEquals("completed", rs.getString(3));
        assertEquals("completed", rs.getString(4));
      }
      // the executors really ran in other processes: the worker's application folder holds their logs
      try (var apps = Files.list(dir.resolve("work"))) {
        assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), "no application ran on the worker");
      }
    } finally {
      for (Process p : cluster) {
        p.destroy();
      }
      for (Process p : cluster) {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("master.log", "worker.log")) {
      Path f = dir.resolve(name);
      if (Files.exists(f)) {
        List<String> lines = Files.readAllLines(f);
        b.append("\n--- ").append(name).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      }
    }
    // the executors' own output, kept by the worker per application
    if (Files.isDirectory(dir.resolve("work"))) {
      try (var files = Files.walk(dir.resolve("work"))) {
        for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
          List<String> lines = Files.readAllLines(f);
          b.append("\n--- ").append(dir.relativize(f)).append('\n')
              .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()).stream()
                  .map(l -> l.length() > 300 ? l.substring(0, 300) + " …" : l).toList()));
        }
      }
    }
    return b.toString();
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private Process start(Path sparkHome, String name, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m"));
    command.addAll(Arrays.asList(System.getProperty("dmn.spark.jvm", "").split(" ")));
    command.removeIf(String::isBlank);
    command.addAll(List.of("-cp", classPath(), main));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Waits until the master's status (its web UI's JSON) lists an alive worker. */
  private void awaitWorker(int masterUi, List<Process> cluster) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
        .timeout(Duration.ofSeconds(5)).build();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "";
    while (System.nanoTime() < until) {
      for (Process p : cluster) {
        if (!p.isAlive()) {
          throw new AssertionError("a Spark process exited: " + logs());
        }
      }
      try {
        last = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
        if (last.matches("(?s).*\"aliveworkers\"\\s*:\\s*[1-9].*")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no worker registered with the Spark master within 120 s: " + last + logs());
  }

  private void awaitPort(int port, Process process) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("the Spark master exited: " + logs());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    throw new AssertionError("the Spark master did not listen on " + port + " within 90 s" + logs());
  }
}
