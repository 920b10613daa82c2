package org.neuromechfly.dmn.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code dmn --version} names the build in use. */
final class DmnVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Dmn.class.getPackage().getImplementationVersion();
    return new String[] {"dmn " + (version == null ? "development build" : version), "Java " + System.getProperty("java.version")};
  }
}
