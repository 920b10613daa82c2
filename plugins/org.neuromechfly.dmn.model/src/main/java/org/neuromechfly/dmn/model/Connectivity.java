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
   * Cells are grouped into glomeruli; each target cell receives from every source cell of its
   * glomerulus. Without a map both populations are cut into contiguous equal blocks; with a map (a
   * {@link ConnectomeFormat#GLOMERULUS_MAP} source) the target's cells are connectome neurons whose types
   * name their glomerulus, and the source's cells are the receptor neurons of those glomeruli, left
   * antenna first, in proportion to the map's receptor-neuron counts.
   *
   * @param glomeruli number of glomeruli, or 0 to take it from the reference data / synthetic generator
   *     (ignored with a map: the map says which glomeruli there are)
   * @param map the name of a {@link ConnectomeSource} of format {@code glomerulus_map}, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Glomerular(int glomeruli, String map) implements Connectivity {
    /** Contiguous blocks, no map. */
    public Glomerular(int glomeruli) {
      this(glomeruli, null);
    }
  }

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
