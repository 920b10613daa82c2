package org.neuromechfly.dmn.circuit.editor;

import com.google.inject.Injector;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.neuromechfly.dmn.circuit.ide.CircuitIdeSetup;
import org.neuromechfly.dmn.circuit.ide.server.EditingServices;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Holds the editor's one Xtext injector (runtime + .ide modules). Created on first use, not at bundle
 * start, so opening the workbench does not pay for Xtext until a {@code .circuit} file is opened.
 */
public final class CircuitEditorPlugin implements BundleActivator {

  /** The bundle's symbolic name, also the namespace of its marker type. */
  public static final String PLUGIN_ID = "org.neuromechfly.dmn.circuit.editor";

  private static volatile Injector injector;
  private static volatile ExecutorService contentAssistPool;

  @Override
  public void start(BundleContext context) {
    // Nothing eager: see getInjector().
  }

  @Override
  public void stop(BundleContext context) {
    ExecutorService pool = contentAssistPool;
    if (pool != null) {
      pool.shutdownNow();
      contentAssistPool = null;
    }
  }

  /** An error status of this bundle, for CoreExceptions and the log. */
  public static IStatus error(String message, Throwable cause) {
    return Status.error(message, cause);
  }

  /** The .ide bundle's editing services (hover, outline, navigation, rename, format, folding). */
  public static EditingServices services() {
    return getInjector().getInstance(EditingServices.class);
  }

  /** The injector of the language with its .ide services, registering the EMF package once. */
  public static Injector getInjector() {
    Injector result = injector;
    if (result == null) {
      synchronized (CircuitEditorPlugin.class) {
        result = injector;
        if (result == null) {
          result = new CircuitIdeSetup().createInjectorAndDoEMFRegistration();
          injector = result;
        }
      }
    }
    return result;
  }

  /**
   * Threads for Xtext's content-assist context factory. The .ide module binds no ExecutorService (the
   * language server does), so the editor owns one; daemon threads never keep the workbench alive.
   */
  public static ExecutorService getContentAssistPool() {
    ExecutorService result = contentAssistPool;
    if (result == null) {
      synchronized (CircuitEditorPlugin.class) {
        result = contentAssistPool;
        if (result == null) {
          result =
              Executors.newCachedThreadPool(
                  r -> {
                    Thread t = new Thread(r, "circuit content assist");
                    t.setDaemon(true);
                    return t;
                  });
          contentAssistPool = result;
        }
      }
    }
    return result;
  }
}
