package org.neuromechfly.dmn.circuit.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.SensorSetting;

/** What makes two settings "the same setting" in a block, and how the user wrote its name. */
final class SettingKeys {
  private SettingKeys() {}

  /** Identity of a setting: its kind, or the parameter it sets. */
  static String key(EObject setting) {
    if (setting instanceof NeuronParameter parameter) {
      return parameter.getParameter();
    }
    if (setting instanceof SensorSetting sensor) {
      return "sensed:" + sensor.getSense(); // 'odour sensed by' and 'wind sensed by' are two settings
    }
    return setting.eClass().getName();
  }

  /** The setting's leading keyword as written, for messages ("'lr' is set twice"). */
  static String spelling(EObject setting) {
    if (setting instanceof NeuronParameter parameter) {
      return parameter.getParameter();
    }
    var node = NodeModelUtils.findActualNodeFor(setting);
    if (node != null) {
      for (ILeafNode leaf : node.getLeafNodes()) {
        if (!leaf.isHidden()) {
          return leaf.getText();
        }
      }
    }
    return setting.eClass().getName();
  }
}
