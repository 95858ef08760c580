package io.tlsdoctor.core.registry;

/** The registry value types, with the numbers that {@code hex(N):} in a .reg file and the Win32 API use. */
public enum RegistryValueType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11);

    private final int code;

    RegistryValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a Win32 type number; {@code null} for numbers Windows does not define. */
    public static RegistryValueType ofCode(int code) {
        for (RegistryValueType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
