package org.neuromechfly.dmn.circuit.formatting2;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.eclipse.xtext.formatting2.FormatterPreferences;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.eclipse.xtext.preferences.TypedPreferenceValues;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

/** The canonical text of a parsed model, as {@code dmn fmt} and the editor's format action write it. */
public class CanonicalText {
  @Inject private Provider<FormatterRequest> requests;
  @Inject private IFormatter2 formatter;
  @Inject private Provider<TextRegionAccessBuilder> regionAccess;
  @Inject @FormatterPreferences private IPreferenceValuesProvider preferences;

  /** Formats a model that parsed without syntax errors. */
  public String of(XtextResource resource) {
    if (!resource.getParseResult().getSyntaxErrors().iterator().hasNext()) {
      ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
      FormatterRequest request = requests.get().setTextRegionAccess(access);
      request.setPreferences(TypedPreferenceValues.castOrWrap(preferences.getPreferenceValues(resource)));
      return access.getRewriter().renderToString(formatter.format(request));
    }
    throw new IllegalArgumentException("cannot format a model with syntax errors; fix them first");
  }
}
