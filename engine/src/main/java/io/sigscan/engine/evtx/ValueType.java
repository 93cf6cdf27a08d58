package io.sigscan.engine.evtx;

/** Binary XML value type codes; {@code ARRAY} is or-ed onto a scalar type for arrays of it. */
final class ValueType {
    static final int NULL = 0x00;
    static final int STRING = 0x01;
    static final int ANSI_STRING = 0x02;
    static final int INT8 = 0x03;
    static final int UINT8 = 0x04;
    static final int INT16 = 0x05;
    static final int UINT16 = 0x06;
    static final int INT32 = 0x07;
    static final int UINT32 = 0x08;
    static final int INT64 = 0x09;
    static final int UINT64 = 0x0a;
    static final int REAL32 = 0x0b;
    static final int REAL64 = 0x0c;
    static final int BOOL = 0x0d;
    static final int BINARY = 0x0e;
    static final int GUID = 0x0f;
    static final int SIZE_T = 0x10;
    static final int FILETIME = 0x11;
    static final int SYSTEMTIME = 0x12;
    static final int SID = 0x13;
    static final int HEX_INT32 = 0x14;
    static final int HEX_INT64 = 0x15;
    static final int EVT_HANDLE = 0x20;
    static final int BINXML = 0x21;
    static final int EVT_XML = 0x23;
    static final int ARRAY = 0x80;

    /** Pseudo-types for text pieces that are not substitution values. */
    static final int CHAR_REF = 0x100;
    static final int ENTITY_REF = 0x101;

    private ValueType() {
    }

    /** Bytes per element of a fixed-size type, 0 for variable-size types. */
    static int fixedSize(int type) {
        switch (type) {
            case INT8: case UINT8:
                return 1;
            case INT16: case UINT16:
                return 2;
            case INT32: case UINT32: case REAL32: case BOOL: case HEX_INT32:
                return 4;
            case INT64: case UINT64: case REAL64: case FILETIME: case HEX_INT64:
                return 8;
            case GUID: case SYSTEMTIME:
                return 16;
            default:
                return 0;
        }
    }

    /** Whether values of this scalar type are numbers in JSON and for Sigma's kind of value. */
    static boolean isNumber(int type) {
        return type >= INT8 && type <= REAL64;
    }
}
