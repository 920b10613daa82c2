package org.neuromechfly.dmn.circuit.validation;

import java.lang.reflect.Method;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * Entry point of validation: composes one small check class per rule family (units, names,
 * populations, connectivity, task, losses, training, reference data, connectome queries, training
 * size, export targets). A check that fails with an exception is a bug in the language: it is reported
 * as one located {@link CircuitIssueCodes#INTERNAL_ERROR} on the element being checked, never as a
 * stack trace in the editor or on the command line.
 */
@ComposedChecks(
    validators = {
      UnitChecks.class,
      NameChecks.class,
      PopulationChecks.class,
      ConnectivityChecks.class,
      TaskChecks.class,
      ExperimentChecks.class,
      WorldChecks.class,
      LossChecks.class,
      TrainingChecks.class,
      TrainingSizeChecks.class,
      ReferenceDataChecks.class,
      ConnectomeQueryChecks.class,
      TargetCapabilityChecks.class,
      EngineCapabilityChecks.class,
      SweepChecks.class,
      HardwareTargetChecks.class
    })
public class CircuitValidator extends AbstractCircuitValidator {

  @Override
  protected MethodWrapper createMethodWrapper(AbstractDeclarativeValidator instance, Method method) {
    return new MethodWrapper(instance, method) {
      @Override
      protected void handleInvocationTargetException(Throwable failure, State state) {
        if (failure instanceof NullPointerException || failure.getClass().getSimpleName().equals("GuardException")) {
          super.handleInvocationTargetException(failure, state);
          return;
        }
        getInstance().acceptError(
            PrintableText.excerpt("Internal error in the check " + method.getName() + " (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + "); please report it with this model.", 600),
            state.currentObject, null, ValidationMessageAcceptor.INSIGNIFICANT_INDEX, CircuitIssueCodes.INTERNAL_ERROR);
      }
    };
  }
}
