package org.neuromechfly.dmn.circuit.editor.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * A finished training run: the run folder, its summary (held-out success before and after, loss) and
 * its plots (loss, trajectories before and after training), for runs without an HTML report.
 */
public class TrainingRunView extends ViewPart {
  public static final String ID = "org.neuromechfly.dmn.circuit.editor.trainingRun";

  /** Plots shown, in order, where the run wrote them. */
  static final List<String> PLOTS = List.of("loss.png", "trajectories-after.png", "trajectories-before.png");
  private static final int PLOT_WIDTH = 420;

  private ScrolledComposite scroll;
  private Composite content;
  private Label title;
  private Text summary;
  private Composite plots;
  private final List<Image> images = new ArrayList<>();
  private IFolder shown;

  @Override
  public void createPartControl(Composite parent) {
    scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
    content = new Composite(scroll, SWT.NONE);
    content.setLayout(new GridLayout(1, false));
    title = new Label(content, SWT.NONE);
    title.setText("Run a model with Run As > Train circuit; the finished run shows here.");
    summary = new Text(content, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
    summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    plots = new Composite(content, SWT.NONE);
    plots.setLayout(new GridLayout(PLOTS.size(), false));
    scroll.setContent(content);
    scroll.setExpandHorizontal(true);
    scroll.setExpandVertical(true);
  }

  /** Shows a run folder written by {@code dmn train}. */
  public void show(IFolder runFolder) {
    shown = runFolder;
    Path folder = Path.of(runFolder.getLocationURI());
    title.setText("Training run " + runFolder.getFullPath().makeRelative());
    summary.setText(read(folder.resolve("summary.txt")).orElse("The run wrote no summary.txt: it may have been stopped before the end."));
    for (Control old : plots.getChildren()) {
      old.dispose();
    }
    images.forEach(Image::dispose);
    images.clear();
    for (String plot : PLOTS) {
      Path file = folder.resolve(plot);
      if (Files.isRegularFile(file)) {
        ImageData data = new ImageData(file.toString());
        int height = data.height * PLOT_WIDTH / Math.max(1, data.width);
        Image image = new Image(plots.getDisplay(), data.scaledTo(PLOT_WIDTH, height));
        images.add(image);
        Label label = new Label(plots, SWT.NONE);
        label.setImage(image);
        label.setToolTipText(plot);
      }
    }
    content.layout(true, true);
    scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
  }

  /** The run folder shown, or null. */
  public IFolder runFolder() {
    return shown;
  }

  /** The summary text shown. */
  public String summary() {
    return summary.getText();
  }

  /** How many plots are shown. */
  public int plotCount() {
    return images.size();
  }

  private static java.util.Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void setFocus() {
    content.setFocus();
  }

  @Override
  public void dispose() {
    images.forEach(Image::dispose);
    super.dispose();
  }
}
