package org.neuromechfly.dmn.circuit.conversion;

import java.util.Set;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.neuromechfly.dmn.model.Unit;

/**
 * Rewords parser errors in the modeller's terms: {@code expected a population name after 'projection',
 * found the keyword 'task'} rather than ANTLR's {@code mismatched input 'task' expecting RULE_ID}. A unit
 * written without a number is the common case and gets its own code.
 */
public class CircuitSyntaxErrorMessages extends SyntaxErrorMessageProvider {
  public static final String SYNTAX = "org.neuromechfly.dmn.circuit.syntax";
  public static final String BARE_UNIT = "org.neuromechfly.dmn.circuit.bare_unit";

  /** More alternatives than this are not listed: the message would be a wall of words. */
  private static final int MAX_LISTED = 12;

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    RecognitionException exception = context.getRecognitionException();
    Token token = exception == null ? null : exception.token;
    String text = token == null ? null : token.getText();
    if (text != null && Unit.bySymbol(text).isPresent() && (exception instanceof MismatchedTokenException || exception instanceof NoViableAltException)) {
      return new SyntaxErrorMessage(
          "A unit needs a number before it: write e.g. '20 " + text + "', not '" + text + "' alone.", BARE_UNIT);
    }
    if (exception == null) {
      return new SyntaxErrorMessage(context.getDefaultMessage(), SYNTAX);
    }
    return new SyntaxErrorMessage(describe(context, exception, token), SYNTAX);
  }

  private static String describe(IParserErrorContext context, RecognitionException exception, Token token) {
    boolean atEnd = token == null || token.getType() == Token.EOF;
    ILeafNode previous = previousLeaf(context.getCurrentNode(), token);
    String after = previous == null ? "" : " after '" + previous.getText() + "'";
    String found = atEnd ? "the end of the file" : found(context, token);
    String expected = expected(context, exception, previous);
    String message =
        expected != null ? "expected " + expected + after + ", found " + found : "unexpected " + found + after;
    if (atEnd && ExpectedWords.blockRule(context.getCurrentNode()) != null) {
      message += "; is a '}' missing?";
    }
    return message;
  }

  /** The expected token in words, or {@code null} where ANTLR does not know a single one. */
  private static String expected(IParserErrorContext context, RecognitionException exception, ILeafNode previous) {
    String[] names = context.getTokenNames();
    String previousText = previous == null ? null : previous.getText();
    if (exception instanceof MismatchedTokenException mismatch && mismatch.expecting >= 0 && mismatch.expecting < names.length) {
      String name = names[mismatch.expecting];
      ParserRule block = ExpectedWords.blockRule(context.getCurrentNode());
      if ("'}'".equals(name) && block != null) {
        // the loop over the block's settings ended at a word that is none of them
        return "a " + ExpectedWords.blockWord(block) + " setting (" + String.join(", ", settingsOf(block)) + ") or '}'";
      }
      return ExpectedWords.token(name, previousText, previous);
    }
    AbstractRule rule = ruleOf(context.getCurrentNode());
    if (rule == null) {
      return null;
    }
    if (rule == GrammarUtil.getGrammar(rule).getRules().get(0)) {
      // past the circuit's name, the file holds elements
      rule = GrammarUtil.findRuleForName(GrammarUtil.getGrammar(rule), "Element");
    }
    Set<String> starts = ExpectedWords.startsOf(rule);
    if (!starts.isEmpty() && starts.size() <= MAX_LISTED) {
      return "one of " + String.join(", ", starts);
    }
    return ExpectedWords.RULE_WORDS.get(rule.getName());
  }

  private static Set<String> settingsOf(ParserRule block) {
    AbstractRule settings = GrammarUtil.findRuleForName(GrammarUtil.getGrammar(block), ExpectedWords.BLOCK_SETTINGS.get(block.getName()));
    return settings == null ? Set.of() : ExpectedWords.startsOf(settings);
  }

  private static String found(IParserErrorContext context, Token token) {
    String text = token.getText();
    String[] names = context.getTokenNames();
    boolean keyword = token.getType() >= 0 && token.getType() < names.length && names[token.getType()].startsWith("'")
        && Character.isLetter(text.charAt(0));
    return (keyword ? "the keyword '" : "'") + text + "'";
  }

  /** The last token the parser consumed before the offending one. */
  private static ILeafNode previousLeaf(INode current, Token token) {
    if (current == null) {
      return null;
    }
    int limit = token instanceof CommonToken common && common.getType() != Token.EOF && common.getStartIndex() >= 0 ? common.getStartIndex() : Integer.MAX_VALUE;
    // backwards from the end of what is parsed so far: the leaf sought is among the last ones, and a
    // walk from the start for every syntax error made a file with thousands of them quadratic
    for (INode node : current.getRootNode().getAsTreeIterable().reverse()) {
      if (node instanceof ILeafNode leaf && leaf.getTotalOffset() < limit && !leaf.isHidden() && leaf.getLength() > 0) {
        return leaf;
      }
    }
    return null;
  }

  private static AbstractRule ruleOf(INode node) {
    for (INode n = node; n != null; n = n.getParent()) {
      if (n.getGrammarElement() instanceof RuleCall call) {
        return call.getRule();
      }
      if (n.getGrammarElement() instanceof AbstractRule rule) {
        return rule;
      }
    }
    return null;
  }

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
    // a number its place cannot hold has a code of its own: checks stay silent about the value left unset
    String code = context.getValueConverterException() instanceof CircuitValueConverters.NumberOutOfRange
        ? org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes.NUMBER_OUT_OF_RANGE
        : Diagnostic.SYNTAX_DIAGNOSTIC;
    return new SyntaxErrorMessage(org.neuromechfly.dmn.model.PrintableText.excerpt(context.getDefaultMessage(), 1000), code);
  }
}
