package org.neuromechfly.dmn.circuit.editor.refactoring;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Asks for the new name; the refactoring dialog adds Preview, which shows the change per file. */
public class RenameWizard extends RefactoringWizard {
  private final CircuitRenameRefactoring rename;

  public RenameWizard(CircuitRenameRefactoring rename) {
    super(rename, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
    this.rename = rename;
    setDefaultPageTitle(rename.getName());
  }

  @Override
  protected void addUserInputPages() {
    addPage(new NamePage());
  }

  private final class NamePage extends UserInputWizardPage {
    NamePage() {
      super("New name");
    }

    @Override
    public void createControl(Composite parent) {
      Composite composite = new Composite(parent, SWT.NONE);
      composite.setLayout(new GridLayout(2, false));
      new Label(composite, SWT.NONE).setText("New name:");
      Text name = new Text(composite, SWT.BORDER);
      name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
      name.setText(rename.oldName() == null ? "" : rename.oldName());
      name.selectAll();
      name.addModifyListener(e -> {
        rename.setNewName(name.getText());
        var status = rename.checkNewName(name.getText().trim());
        setErrorMessage(status.isOK() ? null : status.getMessageMatchingSeverity(status.getSeverity()));
        setPageComplete(status.isOK());
      });
      setPageComplete(false);
      setControl(composite);
      name.setFocus();
    }
  }
}
