package org.neuromechfly.dmn.connectome.reference;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;

/**
 * Reference values of one cell type. A subtype (KCg) names its parent (KC) and has every field its
 * entry did not state filled in from the parent. Ranges are {@code null} where nothing is known
 * (e.g. the firing rate of the graded APL).
 *
 * @param name canonical name, e.g. {@code uPN}
 * @param aliases other names that resolve to this type, e.g. {@code PN}
 * @param parent the parent type's name, or {@code null}
 * @param transmitter principal fast transmitter
 * @param otherTransmitters transmitters some cells of the type use instead
 * @param count cells per hemisphere
 * @param tauMem membrane time constant in seconds, or {@code null}
 * @param threshold spike threshold in normalised units (rest 0), or {@code null}
 * @param spontaneousRate spontaneous firing rate in Hz, or {@code null}
 * @param evokedRate odour-evoked firing rate in Hz, or {@code null}
 * @param graded whether the cell is non-spiking
 * @param citations source per field name ({@code transmitter}, {@code graded}, {@code count}, ...)
 * @param projections projections from this type known to the reference
 */
public record CellType(
    String name,
    List<String> aliases,
    String parent,
    Transmitter transmitter,
    List<Transmitter> otherTransmitters,
    Range count,
    Range tauMem,
    Range threshold,
    Range spontaneousRate,
    Range evokedRate,
    boolean graded,
    Map<String, String> citations,
    List<KnownProjection> projections) {

  public CellType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(transmitter, "transmitter");
    Objects.requireNonNull(count, "count");
    aliases = List.copyOf(aliases);
    otherTransmitters = List.copyOf(otherTransmitters);
    citations = Map.copyOf(citations);
    projections = List.copyOf(projections);
  }

  /** The synaptic sign the principal transmitter implies (Dale's law). */
  public Sign sign() {
    return transmitter.sign();
  }

  /** The parent type's name, for subtypes. */
  public Optional<String> parentName() {
    return Optional.ofNullable(parent);
  }

  /** The citation of a field, e.g. {@code citation("transmitter")}. */
  public Optional<String> citation(String field) {
    return Optional.ofNullable(citations.get(field));
  }

  /** Whether {@code candidate} names this type, ignoring case. */
  public boolean isNamed(String candidate) {
    return name.equalsIgnoreCase(candidate)
        || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(candidate));
  }
}
