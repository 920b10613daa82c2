package org.neuromechfly.dmn.engine.train;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.neuromechfly.dmn.engine.run.RunFolder;

/** The loss history of a run as {@code history.csv} (one row per episode) and {@code history.json}. */
public final class HistoryFiles {
  private HistoryFiles() {}

  public static void write(RunFolder folder, List<EpisodeReport> history) {
    TreeSet<String> components = new TreeSet<>();
    TreeSet<String> measures = new TreeSet<>();
    history.forEach(r -> {
      components.addAll(r.components().keySet());
      measures.addAll(r.measures().keySet());
    });
    StringBuilder csv = new StringBuilder("episode,learning_rate,loss,gradient_norm,seconds");
    components.forEach(c -> csv.append(',').append(c));
    measures.forEach(m -> csv.append(',').append(m.replace(':', '_')));
    csv.append('\n');
    for (EpisodeReport r : history) {
      csv.append(String.format(Locale.ROOT, "%d,%.6g,%.9g,%.6g,%.4f", r.episode(), r.learningRate(), r.loss(),
          r.gradientNorm(), r.seconds()));
      components.forEach(c -> csv.append(',').append(format(r.components().get(c))));
      measures.forEach(m -> csv.append(',').append(format(r.measures().get(m))));
      csv.append('\n');
    }
    folder.writeText(RunFolder.HISTORY_CSV, csv.toString());
    CheckpointStore.writeJson(folder.file(RunFolder.HISTORY_JSON), history);
  }

  private static String format(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.9g", v);
  }
}
