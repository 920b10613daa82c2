package org.neuromechfly.dmn.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where exports go; a null path means that export is not requested. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportSpec(String nir, String loihi) {
  public static ExportSpec none() {
    return new ExportSpec(null, null);
  }
}
