package org.neuromechfly.dmn.connectome.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same neuropil under its neuPrint (hemibrain v1.2.1, {@code CA(R)}) and FlyWire (FAFB v783,
 * {@code MB_CA_R}) names, so that a query written against one dataset reads the other. Only
 * neuropils that are one region in both are paired: the hemibrain splits the mushroom-body lobes
 * ({@code aL}, {@code bL}, {@code gL}, …) where FlyWire has {@code MB_VL}/{@code MB_ML}.
 */
final class RoiNames {
  private static final Map<String, String> OTHER_NAME = new HashMap<>();

  static {
    for (String side : new String[] {"R", "L"}) {
      pair("CA(" + side + ")", "MB_CA_" + side);
      pair("PED(" + side + ")", "MB_PED_" + side);
      pair("AL(" + side + ")", "AL_" + side);
      pair("LH(" + side + ")", "LH_" + side);
    }
  }

  private RoiNames() {}

  private static void pair(String neuprint, String flywire) {
    OTHER_NAME.put(neuprint, flywire);
    OTHER_NAME.put(flywire, neuprint);
  }

  /** Index of {@code name} in {@code rois}, else of its name in the other dataset, else −1. */
  static int indexIn(List<String> rois, String name) {
    int i = rois.indexOf(name);
    return i >= 0 || !OTHER_NAME.containsKey(name) ? i : rois.indexOf(OTHER_NAME.get(name));
  }
}
