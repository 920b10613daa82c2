package org.neuromechfly.dmn.circuit.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * Entry point of validation: composes one small check class per rule family (units, names,
 * populations, connectivity, task, losses, training, reference data).
 */
@ComposedChecks(
    validators = {
      UnitChecks.class,
      NameChecks.class,
      PopulationChecks.class,
      ConnectivityChecks.class,
      TaskChecks.class,
      WorldChecks.class,
      LossChecks.class,
      TrainingChecks.class,
      ReferenceDataChecks.class,
      ConnectomeQueryChecks.class,
      TargetCapabilityChecks.class,
      EngineCapabilityChecks.class,
      HardwareTargetChecks.class
    })
public class CircuitValidator extends AbstractCircuitValidator {}
