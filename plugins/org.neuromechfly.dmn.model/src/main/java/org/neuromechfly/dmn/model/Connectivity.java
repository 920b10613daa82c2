package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** The rule that decides which cells of two populations are connected. The mask it yields never learns. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "rule")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Connectivity.OneToOne.class, name = "one_to_one"),
  @JsonSubTypes.Type(value = Connectivity.Glomerular.class, name = "glomerular"),
  @JsonSubTypes.Type(value = Connectivity.RandomFanIn.class, name = "random_fan_in"),
  @JsonSubTypes.Type(value = Connectivity.Dense.class, name = "dense"),
  @JsonSubTypes.Type(value = Connectivity.FromConnectome.class, name = "connectome")
})
public sealed interface Connectivity {

  /** Cell i of the source drives cell i of the target; counts must match. */
  record OneToOne() implements Connectivity {}

  /**
   * Cells are grouped into glomeruli (contiguous equal blocks of each population); each target cell
   * receives from every source cell of its glomerulus.
   *
   * @param glomeruli number of glomeruli, or 0 to take it from the reference data / synthetic generator
   */
  record Glomerular(int glomeruli) implements Connectivity {}

  /**
   * Each target cell receives from {@code fanIn} distinct source cells drawn at random (seeded).
   *
   * @param fanIn inputs per target cell
   * @param ipsilateral draw only from the same side: the first half of the targets from the first half
   *     of the sources (left), the second half from the second (right)
   */
  record RandomFanIn(int fanIn, boolean ipsilateral) implements Connectivity {
    /** Draws from the whole source population. */
    public RandomFanIn(int fanIn) {
      this(fanIn, false);
    }
  }

  /** Every source cell drives every target cell. */
  record Dense() implements Connectivity {}

  /**
   * Edges taken from a declared connectome source.
   *
   * @param source the name of a {@link ConnectomeSource} of the circuit
   * @param query which neurons and synapses to take
   */
  record FromConnectome(String source, ConnectomeQuery query) implements Connectivity {
    public FromConnectome {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * Selection of synapses from a connectome. Null fields do not restrict.
   *
   * @param roi region of interest / neuropil, e.g. {@code CA(R)} or {@code MB_CA_R}
   * @param preType cell-type pattern of presynaptic neurons (a regular expression)
   * @param postType cell-type pattern of postsynaptic neurons (a regular expression)
   * @param side hemisphere: left, right or center
   * @param minSynapses minimum synapse count per neuron pair
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConnectomeQuery(
      String roi, String preType, String postType, String side, int minSynapses) {}
}
