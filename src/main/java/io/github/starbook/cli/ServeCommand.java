package io.github.starbook.cli;

import io.github.starbook.serve.Preview;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/** {@code starbook serve}: live preview while writing. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Preview the site on this machine; pages reload by themselves on every save.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin Folders folders;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Published URL of the site; overrides baseUrl in site.yaml (its path is the"
              + " preview's path too).")
  String baseUrl;

  @Option(
      names = "--no-drafts",
      description = "Hide questions marked draft: true (shown by default).")
  boolean noDrafts;

  @Option(
      names = "--poll",
      description =
          "Poll for changes instead of native file events" + " (for shared or VM folders).")
  boolean poll;

  @Option(
      names = "--poll-interval",
      paramLabel = "MS",
      defaultValue = "500",
      description = "How often --poll looks, in milliseconds (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write every good build to this folder (by default nothing is written).")
  Path out;

  @Option(names = "--verbose", description = "Print the time of each build step.")
  boolean verbose;

  @Override
  public Integer call() {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      main.err.println("starbook serve: cannot bind to '" + bind + "': unknown address");
      return 2;
    }
    if (port < 0 || port > 65535 || pollMillis < 10) {
      main.err.println("starbook serve: --port must be 0..65535 and --poll-interval at least 10");
      return 2;
    }
    if (folders.templates != null && !Files.isDirectory(main.cwd.resolve(folders.templates))) {
      main.err.println(
          "starbook serve: templates folder "
              + folders.templates
              + " not found"
              + " (pass an existing folder, or leave out --templates to use the built-in theme)");
      return 1;
    }
    if (!address.isLoopbackAddress()) {
      main.err.println(
          "warning: serving on "
              + address.getHostAddress()
              + ": other machines on"
              + " the network can read the preview; it is meant for 127.0.0.1");
    }
    CountDownLatch stop = new CountDownLatch(1);
    Preview.Config config =
        new Preview.Config(
            folders.content,
            folders.templates,
            baseUrl,
            !noDrafts,
            address,
            port,
            poll,
            pollMillis,
            out,
            verbose);
    try (Preview preview = Preview.start(config, main.cwd, main.out)) {
      Signal.handle(new Signal("INT"), s -> stop.countDown());
      Signal.handle(new Signal("TERM"), s -> stop.countDown());
      main.out.println("serving " + preview.url() + " (Ctrl+C to stop)");
      stop.await();
      main.out.println("stopping");
    } catch (BindException e) {
      main.err.println(
          "starbook serve: port "
              + port
              + " on "
              + address.getHostAddress()
              + " is already in use; pass --port N for another, or --port 0 for any free one");
      return 1;
    } catch (IOException e) {
      main.err.println("starbook serve: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
