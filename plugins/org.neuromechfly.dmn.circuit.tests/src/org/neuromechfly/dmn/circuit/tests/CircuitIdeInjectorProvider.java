package org.neuromechfly.dmn.circuit.tests;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eclipse.xtext.util.Modules2;
import org.neuromechfly.dmn.circuit.ide.CircuitIdeModule;
import org.neuromechfly.dmn.circuit.ide.CircuitIdeSetup;

/** The language with its .ide services (quick fixes, content assist), as editors and servers use it. */
public class CircuitIdeInjectorProvider extends CircuitInjectorProvider {
  @Override
  protected Injector internalCreateInjector() {
    return new CircuitIdeSetup() {
      @Override
      public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(createRuntimeModule(), new CircuitIdeModule()));
      }
    }.createInjectorAndDoEMFRegistration();
  }
}
