package org.neuromechfly.dmn.circuit.conversion;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.GrammarUtil;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/**
 * What the parser wanted, said in the modeller's words: a name after {@code population} is "a name for
 * the population", after {@code ->} "a population name", after {@code optimizer} one of the optimizers.
 * The word before the error decides, because the grammar's terminals ({@code RULE_ID}) cannot.
 */
final class ExpectedWords {
  /** What an identifier means after a keyword. */
  private static final Map<String, String> NAME_AFTER =
      Map.ofEntries(
          Map.entry("circuit", "a name for the circuit"),
          Map.entry("population", "a name for the population"),
          Map.entry(":", "a cell type (e.g. ORN, uPN, KC, MBON, DN)"),
          Map.entry("projection", "a population name"),
          Map.entry("->", "a population name"),
          Map.entry("on", "a population name"),
          Map.entry("connectome", "a name for the connectome source"),
          Map.entry("transmitter", "a transmitter (ACh, GABA, Glu, DA, 5-HT, OA)"));

  /** Rules that start with a name or a number, in words. */
  static final Map<String, String> RULE_WORDS =
      Map.of(
          "Number", "a number",
          "Quantity", "a number and its unit (e.g. 20 ms)",
          "UnitSymbol", "a unit (e.g. ms, mm, Hz, %)",
          "CellSlice", "a population name, optionally with cells (e.g. DN[0..4])",
          "Position", "a position (x, y)");

  private ExpectedWords() {}

  /**
   * A token the parser expected, in words.
   *
   * @param tokenName ANTLR's name of the token: {@code RULE_ID}, {@code 'projection'}, …
   * @param previous the text of the token before the error, or {@code null} at the start of the file
   * @param before the node model before the error, to tell {@code from} in a projection from {@code from}
   *     in a task
   */
  static String token(String tokenName, String previous, INode before) {
    return switch (tokenName) {
      case "RULE_ID" -> name(previous, before);
      case "RULE_INT" -> "a whole number";
      case "RULE_EXPONENT" -> "a number";
      case "RULE_STRING" -> "a quoted string (\"…\")";
      case "EOF" -> "the end of the file";
      default -> tokenName;
    };
  }

  private static String name(String previous, INode before) {
    if (previous == null) {
      return "a name";
    }
    var words = Vocabulary.afterKeyword(previous);
    if (words.isPresent()) {
      return "one of " + String.join(", ", words.get().words());
    }
    if ("from".equals(previous)) {
      return insideRule(before, "ConnectivityRule") ? "a connectome source name" : "a population name";
    }
    if ("format".equals(previous) || previous.startsWith("\"") && insideRule(before, "ConnectomeSource")) {
      return "a connectome format (" + String.join(", ", Vocabulary.CONNECTOME_FORMATS.words()) + ")";
    }
    String meaning = NAME_AFTER.get(previous);
    return meaning != null ? meaning : "a name";
  }

  /**
   * The keywords that may start one of the alternatives of a rule, e.g. the settings a population takes
   * ({@code count, tau_mem, …}); empty where an alternative may start with a name or a number, since
   * a list of keywords would then leave something out.
   */
  static Set<String> startsOf(AbstractRule rule) {
    Set<String> words = new LinkedHashSet<>();
    return collectStarts(rule.getAlternatives(), words, new LinkedHashSet<>()) ? words : Set.of();
  }

  /** Adds the keywords that may start {@code element}; false if it may start with anything else. */
  private static boolean collectStarts(AbstractElement element, Set<String> words, Set<AbstractRule> visited) {
    if (element instanceof Keyword keyword) {
      words.add(keyword.getValue());
      return true;
    }
    if (element instanceof Alternatives alternatives) {
      boolean complete = true;
      for (AbstractElement e : alternatives.getElements()) {
        complete &= collectStarts(e, words, visited);
      }
      return complete;
    }
    if (element instanceof Group group) {
      for (AbstractElement child : group.getElements()) {
        if (child instanceof Action) {
          continue;
        }
        if (!collectStarts(child, words, visited)) {
          return false;
        }
        if (!GrammarUtil.isOptionalCardinality(child)) {
          return true;
        }
      }
      return false;
    }
    if (element instanceof Assignment assignment) {
      return collectStarts(assignment.getTerminal(), words, visited);
    }
    if (element instanceof RuleCall call && call.getRule() instanceof ParserRule called) {
      return !visited.add(called) || collectStarts(called.getAlternatives(), words, visited);
    }
    return false;
  }

  /** The innermost block (population, task, loss, training) being parsed, by its rule name. */
  static ParserRule blockRule(INode node) {
    for (INode n = node; n != null; n = n.getParent()) {
      EObject grammarElement = n.getGrammarElement();
      AbstractRule rule = grammarElement instanceof RuleCall call ? call.getRule() : grammarElement instanceof AbstractRule r ? r : null;
      if (rule instanceof ParserRule parserRule && BLOCK_SETTINGS.containsKey(parserRule.getName())) {
        return parserRule;
      }
    }
    return null;
  }

  /** Blocks with settings, and the rule whose alternatives are their settings. */
  static final Map<String, String> BLOCK_SETTINGS =
      Map.of(
          "Population", "PopulationSetting",
          "Task", "TaskSetting",
          "LossBlock", "LossTerm",
          "TrainingBlock", "TrainingSetting");

  /** The block's name in words: "population", "task", "loss", "training". */
  static String blockWord(ParserRule block) {
    return switch (block.getName()) {
      case "Population" -> "population";
      case "Task" -> "task";
      case "LossBlock" -> "loss";
      default -> "training";
    };
  }

  private static boolean insideRule(INode node, String ruleName) {
    for (INode n = node; n != null; n = n.getParent()) {
      EObject element = n.getGrammarElement();
      // an action ({ConnectomeRule} 'from' …) takes the place of the rule call's node
      AbstractRule rule = element instanceof RuleCall call ? call.getRule() : element instanceof Action action ? GrammarUtil.containingRule(action) : null;
      if (n instanceof ICompositeNode && rule != null && ruleName.equals(rule.getName())) {
        return true;
      }
    }
    return false;
  }
}
