package org.neuromechfly.dmn.circuit;

import com.google.inject.Binder;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.FormatterPreferences;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.neuromechfly.dmn.circuit.formatting2.CircuitFormatterPreferences;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.neuromechfly.dmn.circuit.conversion.CircuitSyntaxErrorMessages;
import org.neuromechfly.dmn.circuit.conversion.CircuitValueConverters;

/** Runtime bindings of the language; domain services (units, reference data) are Guice singletons. */
public class CircuitRuntimeModule extends AbstractCircuitRuntimeModule {

  @Override
  public Class<? extends IValueConverterService> bindIValueConverterService() {
    return CircuitValueConverters.class;
  }

  @Override
  public Class<? extends org.eclipse.xtext.resource.XtextResource> bindXtextResource() {
    return CircuitResource.class;
  }

  public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
    return CircuitSyntaxErrorMessages.class;
  }

  public void configureFormatterPreferences(Binder binder) {
    binder.bind(IPreferenceValuesProvider.class).annotatedWith(FormatterPreferences.class).to(CircuitFormatterPreferences.class);
  }
}
