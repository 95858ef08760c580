package io.tlsdoctor.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.ShellAPI;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Runs TLS Doctor again with administrator rights for the one step that writes (the window itself never runs
 * elevated): {@code ShellExecuteEx} with the {@code runas} verb, then waits for the elevated process and returns its
 * exit code. Windows only.
 */
public final class Elevation {

    /** ERROR_CANCELLED: the user answered No to the UAC prompt. */
    private static final int DECLINED = 1223;

    /** How long one wait lasts before it looks whether the waiting thread was interrupted (the user's Cancel). */
    private static final int WAIT_SLICE_MS = 200;

    /**
     * How the elevated run ended. {@code waitCancelled}: the user stopped waiting (the waiting thread was
     * interrupted); the elevated helper is not stopped, it finishes its change and leaves its backup and result.
     */
    public record Outcome(boolean declined, int exitCode, boolean waitCancelled) {

        public Outcome(boolean declined, int exitCode) {
            this(declined, exitCode, false);
        }
    }

    /** Windows calls this library's wide functions; JNA's Mpr and User32 mappings lack these two forms. */
    private interface Native32 extends StdCallLibrary {
        int WNetGetConnectionW(WString localName, char[] remoteName, IntByReference length);
    }

    private Elevation() {}

    public static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    public static boolean isElevated() {
        return isWindows() && Advapi32Util.isCurrentProcessElevated();
    }

    /**
     * Starts this same program elevated with {@code arguments} and waits for it. The UAC prompt is owned by this
     * program's window in the foreground (the wizard's), so it cannot open behind it; paths on a mapped drive go as
     * their UNC path, because the elevated token does not see the user's drive mappings; interrupting the waiting
     * thread stops the wait ({@link Outcome#waitCancelled()}).
     */
    public static Outcome runElevated(List<String> arguments) {
        Function<String, Optional<String>> mappedDrives = Elevation::remoteNameOfDrive;
        List<String> command =
                thisProgram().stream().map(part -> unmapped(part, mappedDrives)).toList();
        ShellAPI.SHELLEXECUTEINFO info = new ShellAPI.SHELLEXECUTEINFO();
        info.fMask = Shell32.SEE_MASK_NOCLOSEPROCESS;
        info.hwnd = ownerWindow();
        info.lpVerb = "runas";
        info.lpFile = command.get(0);
        List<String> parameters = new ArrayList<>(command.subList(1, command.size()));
        arguments.forEach(argument -> parameters.add(unmapped(argument, mappedDrives)));
        info.lpParameters = parameters.stream().map(Elevation::quote).collect(Collectors.joining(" "));
        info.nShow = WinUser.SW_HIDE;
        if (!Shell32.INSTANCE.ShellExecuteEx(info)) {
            int error = Native.getLastError(); // JNA's copy: Kernel32.GetLastError() may see a later call's error
            return new Outcome(error == DECLINED, -1);
        }
        if (info.hProcess == null) {
            return new Outcome(false, -1);
        }
        WinNT.HANDLE process = info.hProcess;
        try {
            return await(
                    () -> Kernel32.INSTANCE.WaitForSingleObject(process, WAIT_SLICE_MS) == WinError.WAIT_TIMEOUT,
                    () -> {
                        IntByReference exitCode = new IntByReference();
                        Kernel32.INSTANCE.GetExitCodeProcess(process, exitCode);
                        return exitCode.getValue();
                    });
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    /**
     * Waits a slice at a time ({@code stillRunning} waits one and says whether the helper still runs), so that an
     * interrupt of the waiting thread (the user's Cancel) ends the wait within a slice instead of never.
     */
    static Outcome await(BooleanSupplier stillRunning, IntSupplier exitCode) {
        while (stillRunning.getAsBoolean()) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(false, -1, true);
            }
        }
        return new Outcome(false, exitCode.getAsInt());
    }

    /**
     * The window the UAC prompt belongs to, so Windows shows it in front of the wizard rather than behind it: the
     * foreground window when it is this process's, else this process's first visible top-level window (the user
     * clicked away while the confirmation closed), else none (the command line's console owns no window of ours).
     */
    static WinDef.HWND ownerWindow() {
        try {
            WinDef.HWND foreground = User32.INSTANCE.GetForegroundWindow();
            long self = ProcessHandle.current().pid();
            List<WinDef.HWND> ours = new ArrayList<>();
            User32.INSTANCE.EnumWindows(
                    (window, data) -> {
                        if (User32.INSTANCE.IsWindowVisible(window) && processOf(window) == self) {
                            ours.add(window);
                        }
                        return true;
                    },
                    null);
            return owner(foreground, foreground != null && processOf(foreground) == self, ours);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** The choice of {@link #ownerWindow()}: the foreground window if it is ours, else our first visible one. */
    static <W> W owner(W foreground, boolean foregroundIsOurs, List<W> oursVisible) {
        if (foreground != null && foregroundIsOurs) {
            return foreground;
        }
        return oursVisible.isEmpty() ? null : oursVisible.get(0);
    }

    private static long processOf(WinDef.HWND window) {
        IntByReference pid = new IntByReference();
        User32.INSTANCE.GetWindowThreadProcessId(window, pid);
        return pid.getValue();
    }

    /**
     * {@code Z:\tools\tlsdoctor.exe} as {@code \\server\share\tools\tlsdoctor.exe} when Z: is a mapped network
     * drive; anything else (a local path, an option) as it is.
     */
    static String unmapped(String argument, Function<String, Optional<String>> remoteNameOfDrive) {
        if (argument.length() < 3
                || !Character.isLetter(argument.charAt(0))
                || argument.charAt(1) != ':'
                || (argument.charAt(2) != '\\' && argument.charAt(2) != '/')) {
            return argument;
        }
        return remoteNameOfDrive
                .apply(argument.substring(0, 2).toUpperCase(Locale.ROOT))
                .map(remote -> remote.replaceAll("[\\\\/]+$", "") + "\\" + argument.substring(3))
                .orElse(argument);
    }

    /** What a mapped drive letter ("Z:") stands for ("\\server\share"), if it is one. */
    private static Optional<String> remoteNameOfDrive(String drive) {
        if (!isWindows()) {
            return Optional.empty();
        }
        try {
            char[] remote = new char[1024];
            IntByReference length = new IntByReference(remote.length);
            int rc = Native.load("mpr", Native32.class).WNetGetConnectionW(new WString(drive), remote, length);
            return rc == 0
                    ? Optional.of(Native.toString(remote)).filter(name -> name.startsWith("\\\\"))
                    : Optional.empty();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The packaged launcher when there is one (jpackage sets jpackage.app-path), else this java with its arguments. */
    static List<String> thisProgram() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            return List.of(launcher);
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElse("java"));
        String jar = Optional.ofNullable(Elevation.class.getProtectionDomain().getCodeSource())
                .map(source -> source.getLocation().getPath())
                .orElse("");
        if (jar.endsWith(".jar")) {
            command.add("-jar");
            command.add(new java.io.File(jar).getAbsolutePath());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.tlsdoctor.app.Main");
        }
        return command;
    }

    /**
     * Quotes one argument the way Windows splits command lines (CommandLineToArgvW): backslashes count only before a
     * quote, so they are doubled there and at the end of a quoted argument.
     */
    static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder("\"");
        int backslashes = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                quoted.append("\\".repeat(backslashes * 2 + 1)).append('"');
            } else {
                quoted.append("\\".repeat(backslashes)).append(c);
            }
            backslashes = 0;
        }
        return quoted.append("\\".repeat(backslashes * 2)).append('"').toString();
    }
}
