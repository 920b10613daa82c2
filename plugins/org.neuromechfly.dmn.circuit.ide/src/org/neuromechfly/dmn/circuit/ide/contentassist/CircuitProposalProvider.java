package org.neuromechfly.dmn.circuit.ide.contentassist;

import com.google.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.reference.ReferenceDataProvider;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.circuit.units.Vocabulary;
import org.neuromechfly.dmn.connectome.reference.CellType;
import org.neuromechfly.dmn.model.Dimension;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.Unit;

/**
 * Proposals the grammar alone cannot know: units of the dimension a place expects, the words a
 * setting accepts (optimizers, plume models, …) and the cell types of the reference data.
 */
public class CircuitProposalProvider extends IdeContentProposalProvider {
  @Inject private QuantityRules quantities;
  @Inject private ReferenceDataProvider reference;

  @Override
  protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    String feature = assignment.getFeature();
    if ("unit".equals(feature)) {
      proposeUnits(context, acceptor);
    } else if ("cellType".equals(feature)) {
      proposeCellTypes(context, acceptor);
    } else if ("format".equals(feature) && "ConnectomeSource".equals(ruleName(assignment))) {
      propose(Vocabulary.CONNECTOME_FORMATS.words(), context, acceptor);
    } else if ("transmitter".equals(feature)) {
      propose(Arrays.stream(Transmitter.values()).map(Transmitter::symbol).toList(), context, acceptor);
    } else if (keywordChoice(assignment) != null) {
      propose(keywordChoice(assignment), context, acceptor);
    } else {
      String keyword = keywordBefore(assignment);
      if ("target".equals(keyword) && "TrainingSetting".equals(ruleName(assignment))) {
        propose(Vocabulary.TARGETS.words(), context, acceptor); // 'target' also opens a sparsity target
      } else {
        Vocabulary.afterKeyword(keyword).ifPresent(words -> propose(words.words(), context, acceptor));
      }
    }
    super._createProposals(assignment, context, acceptor);
  }

  /**
   * The words of a datatype rule that is a choice of keywords ({@code tau_mem | tau_syn | …}), or null.
   * Xtext proposes keywords it meets in the grammar's follow elements, not those inside such a rule.
   */
  private static List<String> keywordChoice(Assignment assignment) {
    if (!(assignment.getTerminal() instanceof RuleCall call) || !(call.getRule() instanceof ParserRule rule) || !GrammarUtil.isDatatypeRule(rule)) {
      return null;
    }
    AbstractElement body = rule.getAlternatives();
    List<AbstractElement> choices = body instanceof Alternatives alternatives ? alternatives.getElements() : List.of(body);
    if (!choices.stream().allMatch(Keyword.class::isInstance)) {
      return null;
    }
    return choices.stream().map(k -> ((Keyword) k).getValue()).toList();
  }

  private void proposeUnits(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    EObject model = context.getCurrentModel();
    Dimension dimension = null;
    if (model instanceof Quantity quantity) {
      dimension = quantities.expectation(quantity).dimension();
    } else if (model != null) {
      dimension = quantities.expectationIn(model).dimension();
    }
    List<String> units = dimension == null ? List.of() : Unit.symbolsOf(dimension);
    propose(units, context, acceptor);
  }

  private void proposeCellTypes(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    EObject root = context.getRootModel();
    if (root instanceof Circuit circuit) {
      var data = reference.forCircuit(circuit).data();
      if (data != null) {
        for (CellType type : data.cellTypes()) {
          var entry = getProposalCreator().createProposal(type.name(), context);
          if (entry != null) {
            // what the name stands for: "Kenyon cell, ACh"
            String alias = type.aliases().stream().filter(a -> a.contains(" ")).findFirst().orElse(String.join(", ", type.aliases()));
            entry.setDescription((alias.isEmpty() ? "" : alias + ", ") + type.transmitter().symbol());
            acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
          }
        }
      }
    }
  }

  /**
   * Punctuation is left to the typist: a list holding a lone "}" or "," helps nobody, and pops up
   * uninvited in editors that ask for proposals as one types.
   */
  @Override
  protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
    return keyword.getValue().chars().anyMatch(Character::isLetter) && super.filterKeyword(keyword, context);
  }

  private void propose(List<String> words, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    for (String word : words) {
      var entry = getProposalCreator().createProposal(word, context);
      if (entry != null) {
        acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
      }
    }
  }

  private static String keywordBefore(Assignment assignment) {
    if (assignment.eContainer() instanceof Group group) {
      List<AbstractElement> elements = group.getElements();
      int index = elements.indexOf(assignment);
      if (index > 0 && elements.get(index - 1) instanceof Keyword keyword) {
        return keyword.getValue();
      }
    }
    return null;
  }

  private static String ruleName(Assignment assignment) {
    var rule = GrammarUtil.containingRule(assignment);
    return rule == null ? null : rule.getName();
  }
}
