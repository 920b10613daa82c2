package org.neuromechfly.dmn.circuit.conversion;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.neuromechfly.dmn.model.Unit;

/** Rewords parser errors in the modeller's terms; a unit written without a number is the common one. */
public class CircuitSyntaxErrorMessages extends SyntaxErrorMessageProvider {
  public static final String SYNTAX = "org.neuromechfly.dmn.circuit.syntax";
  public static final String BARE_UNIT = "org.neuromechfly.dmn.circuit.bare_unit";

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    RecognitionException exception = context.getRecognitionException();
    String text = exception != null && exception.token != null ? exception.token.getText() : null;
    if (text != null && Unit.bySymbol(text).isPresent() && (exception instanceof MismatchedTokenException || exception instanceof NoViableAltException)) {
      return new SyntaxErrorMessage(
          "A unit needs a number before it: write e.g. '20 " + text + "', not '" + text + "' alone.", BARE_UNIT);
    }
    String message = context.getDefaultMessage();
    if (text != null && "<EOF>".equals(text)) {
      message = "The file ends too early: " + message.replace("<EOF>", "end of file") + ". Is a '}' missing?";
    }
    return new SyntaxErrorMessage(message, SYNTAX);
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
