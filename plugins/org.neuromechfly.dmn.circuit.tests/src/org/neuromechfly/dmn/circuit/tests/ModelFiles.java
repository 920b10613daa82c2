package org.neuromechfly.dmn.circuit.tests;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/** Loads {@code .circuit} files from disk the way the CLI does, so relative paths resolve alike. */
public class ModelFiles {
  @Inject private Provider<XtextResourceSet> resourceSets;
  @Inject private IResourceValidator validator;

  public XtextResource load(Path file) throws IOException {
    XtextResourceSet set = resourceSets.get();
    XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(file.toAbsolutePath().toString()));
    try (var in = Files.newInputStream(file)) {
      resource.load(in, set.getLoadOptions());
    }
    return resource;
  }

  public XtextResource parse(String text, String name) throws IOException {
    XtextResourceSet set = resourceSets.get();
    XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(Path.of(name).toAbsolutePath().toString()));
    resource.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), set.getLoadOptions());
    return resource;
  }

  public List<Issue> validate(XtextResource resource) {
    return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
  }

  /** The repository's dsl-examples folder (system property set by the build). */
  public static Path examples() {
    return Path.of(System.getProperty("dmn.examples.dir", "../../dsl-examples"));
  }

  /** This bundle's test resources (tycho-surefire runs in the module folder). */
  public static Path resources() {
    return Path.of("resources");
  }

  public static List<Path> circuits(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".circuit")).sorted().toList();
    }
  }
}
