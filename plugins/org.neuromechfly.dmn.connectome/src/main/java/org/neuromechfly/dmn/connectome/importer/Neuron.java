package org.neuromechfly.dmn.connectome.importer;

import org.neuromechfly.dmn.model.Transmitter;

/**
 * One neuron of an imported connectome. Fields a format does not provide are {@code null}.
 *
 * @param id body id (neuPrint) or root id (FlyWire), int64
 * @param type cell type, e.g. {@code DM1_lPN} or {@code KCg-m}
 * @param instance neuPrint instance or FlyWire group, e.g. {@code DM1_lPN_R}
 * @param cellClass class, e.g. FlyWire {@code ALPN} or {@code Kenyon_Cell}
 * @param superClass super class, e.g. FlyWire {@code central}
 * @param side {@code left}, {@code right} or {@code center}
 * @param transmitter predicted or known transmitter
 */
public record Neuron(
    long id,
    String type,
    String instance,
    String cellClass,
    String superClass,
    String side,
    Transmitter transmitter) {

  /** A neuron known only by id (it appears in connections but not in the neuron table). */
  public static Neuron untyped(long id) {
    return new Neuron(id, null, null, null, null, null, null);
  }

  /** The type if known, else the class: what type patterns are matched against. */
  public String typeOrClass() {
    return type != null && !type.isEmpty() ? type : cellClass;
  }
}
