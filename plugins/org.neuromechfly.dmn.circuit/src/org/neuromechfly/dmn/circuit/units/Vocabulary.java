package org.neuromechfly.dmn.circuit.units;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.reference.EditDistance;
import org.neuromechfly.dmn.model.ConnectomeFormat;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ParameterSharing;
import org.neuromechfly.dmn.model.PlumeModel;
import org.neuromechfly.dmn.model.ScheduleKind;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.SurrogateKind;
import org.neuromechfly.dmn.model.TrainingTarget;

/**
 * The words a setting accepts where the grammar takes an identifier (optimizer names, plume models,
 * …), mapped to IR values. Kept out of the grammar so new choices need no new keywords, and shared by
 * checks, the compiler and content assist.
 *
 * @param <E> the IR value a word stands for
 */
public final class Vocabulary<E> {
  public static final Vocabulary<Optimizer> OPTIMIZERS =
      new Vocabulary<>("optimizer", Map.of("adam", Optimizer.ADAM, "sgd", Optimizer.SGD, "rmsprop", Optimizer.RMSPROP));
  public static final Vocabulary<ScheduleKind> SCHEDULES =
      new Vocabulary<>(
          "schedule",
          Map.of(
              "constant", ScheduleKind.CONSTANT,
              "step", ScheduleKind.STEP,
              "cosine", ScheduleKind.COSINE,
              "exponential", ScheduleKind.EXPONENTIAL));
  public static final Vocabulary<ExecutionEngine> ENGINES =
      new Vocabulary<>("engine", Map.of("fused", ExecutionEngine.FUSED, "samediff", ExecutionEngine.SAMEDIFF));
  /** Hardware a model trains for ({@code training { target loihi2 }}). */
  public static final Vocabulary<TrainingTarget> TARGETS =
      new Vocabulary<>("training target", Map.of("loihi2", TrainingTarget.LOIHI2));
  public static final Vocabulary<SurrogateKind> SURROGATES =
      new Vocabulary<>(
          "surrogate",
          Map.of(
              "sigmoid", SurrogateKind.SIGMOID,
              "fast_sigmoid", SurrogateKind.FAST_SIGMOID,
              "superspike", SurrogateKind.FAST_SIGMOID,
              "arctan", SurrogateKind.ARCTAN));
  public static final Vocabulary<PlumeModel> PLUMES =
      new Vocabulary<>("plume",
          Map.of("gaussian", PlumeModel.GAUSSIAN, "turbulent", PlumeModel.TURBULENT, "puffs", PlumeModel.PUFFS));
  public static final Vocabulary<GradientPath> GRADIENT_PATHS =
      new Vocabulary<>(
          "gradient path",
          Map.of(
              "full", GradientPath.FULL,
              "motor_only", GradientPath.MOTOR_ONLY,
              "truncated", GradientPath.TRUNCATED));
  public static final Vocabulary<ParameterSharing> SHARING =
      new Vocabulary<>(
          "sharing",
          Map.of(
              "per_neuron", ParameterSharing.PER_NEURON,
              "per_population", ParameterSharing.PER_POPULATION,
              "per_cell_type", ParameterSharing.PER_CELL_TYPE));
  public static final Vocabulary<Sign> SIGNS =
      new Vocabulary<>(
          "sign",
          Map.of(
              "excitatory", Sign.EXCITATORY,
              "inhibitory", Sign.INHIBITORY,
              "modulatory", Sign.MODULATORY,
              "per_neuron", Sign.PER_NEURON));
  public static final Vocabulary<org.neuromechfly.dmn.model.RefractoryMode> REFRACTORY_MODES =
      new Vocabulary<>(
          "refractory mode",
          Map.of(
              "clamp", org.neuromechfly.dmn.model.RefractoryMode.CLAMP,
              "freeze", org.neuromechfly.dmn.model.RefractoryMode.FREEZE));
  public static final Vocabulary<ConnectomeFormat> CONNECTOME_FORMATS = connectomeFormats();

  /** Settings whose value is a word of a vocabulary, by the keyword before it: {@code optimizer adam}. */
  private static final Map<String, Vocabulary<?>> BY_KEYWORD =
      Map.of(
          "optimizer", OPTIMIZERS,
          "engine", ENGINES,
          "surrogate", SURROGATES,
          "schedule", SCHEDULES,
          "plume", PLUMES,
          "gradient", GRADIENT_PATHS,
          "shared", SHARING,
          "sign", SIGNS);

  private final String what;
  private final Map<String, E> words;

  private Vocabulary(String what, Map<String, E> words) {
    this.what = what;
    this.words = new LinkedHashMap<>();
    words.keySet().stream().sorted().forEach(k -> this.words.put(k, words.get(k)));
  }

  private static Vocabulary<ConnectomeFormat> connectomeFormats() {
    Map<String, ConnectomeFormat> map = new LinkedHashMap<>();
    for (ConnectomeFormat f : ConnectomeFormat.values()) {
      map.put(f.keyword(), f);
    }
    return new Vocabulary<>("connectome format", map);
  }

  /** The vocabulary of the value after a setting's keyword (content assist, syntax errors). */
  public static Optional<Vocabulary<?>> afterKeyword(String keyword) {
    return Optional.ofNullable(keyword == null ? null : BY_KEYWORD.get(keyword));
  }

  /** What the words name, for messages ("unknown optimizer"). */
  public String what() {
    return what;
  }

  public Optional<E> lookup(String word) {
    return word == null ? Optional.empty() : Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
  }

  /** Accepted words, sorted. */
  public List<String> words() {
    return List.copyOf(words.keySet());
  }

  /** The accepted word closest to a misspelling, if any is close. */
  public Optional<String> nearest(String word) {
    return nearest(word, words());
  }

  /** The candidate closest to {@code word} by edit distance, if within a third of its length (min 2). */
  public static Optional<String> nearest(String word, List<String> candidates) {
    if (word == null) {
      return Optional.empty();
    }
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    return candidates.stream()
        .filter(c -> EditDistance.between(w, c.toLowerCase(Locale.ROOT)) <= limit)
        .min(Comparator.comparingInt((String c) -> EditDistance.between(w, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c));
  }
}
