package org.neuromechfly.dmn.circuit.scoping;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.neuromechfly.dmn.circuit.circuit.Circuit;

/**
 * A circuit is self-contained: a population or connectome source is referred to by its simple name,
 * and only within the circuit that declares it. The compiler, the command line and the generator
 * compile one circuit at a time, so a name that resolved into another file (or by its qualified name
 * {@code Circuit.KC}) would compile to a dangling reference; and content assist would list every
 * element twice.
 */
public class CircuitScopeProvider extends AbstractCircuitScopeProvider {

  @Override
  public IScope getScope(EObject context, EReference reference) {
    Circuit circuit = EcoreUtil2.getContainerOfType(context, Circuit.class);
    if (circuit == null) {
      return IScope.NULLSCOPE;
    }
    EClass type = reference.getEReferenceType();
    return Scopes.scopeFor(circuit.getElements().stream().filter(type::isInstance).toList());
  }
}
