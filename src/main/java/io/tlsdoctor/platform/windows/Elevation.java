package io.tlsdoctor.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.ShellAPI;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.ptr.IntByReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs TLS Doctor again with administrator rights for the one step that writes (the window itself never runs
 * elevated): {@code ShellExecuteEx} with the {@code runas} verb, then waits for the elevated process and returns its
 * exit code. Windows only.
 */
public final class Elevation {

    /** ERROR_CANCELLED: the user answered No to the UAC prompt. */
    private static final int DECLINED = 1223;

    /** How the elevated run ended. */
    public record Outcome(boolean declined, int exitCode) {
    }

    private Elevation() {
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    public static boolean isElevated() {
        return isWindows() && Advapi32Util.isCurrentProcessElevated();
    }

    /** Starts this same program elevated with {@code arguments} and waits for it. */
    public static Outcome runElevated(List<String> arguments) {
        List<String> command = thisProgram();
        ShellAPI.SHELLEXECUTEINFO info = new ShellAPI.SHELLEXECUTEINFO();
        info.fMask = Shell32.SEE_MASK_NOCLOSEPROCESS;
        info.lpVerb = "runas";
        info.lpFile = command.get(0);
        List<String> parameters = new ArrayList<>(command.subList(1, command.size()));
        parameters.addAll(arguments);
        info.lpParameters = parameters.stream().map(Elevation::quote).collect(Collectors.joining(" "));
        info.nShow = WinUser.SW_HIDE;
        if (!Shell32.INSTANCE.ShellExecuteEx(info)) {
            int error = Native.getLastError(); // JNA's copy: Kernel32.GetLastError() may see a later call's error
            return new Outcome(error == DECLINED, -1);
        }
        if (info.hProcess == null) {
            return new Outcome(false, -1);
        }
        try {
            Kernel32.INSTANCE.WaitForSingleObject(info.hProcess, WinBase.INFINITE);
            IntByReference exitCode = new IntByReference();
            Kernel32.INSTANCE.GetExitCodeProcess(info.hProcess, exitCode);
            return new Outcome(false, exitCode.getValue());
        } finally {
            Kernel32.INSTANCE.CloseHandle(info.hProcess);
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
                .map(source -> source.getLocation().getPath()).orElse("");
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
