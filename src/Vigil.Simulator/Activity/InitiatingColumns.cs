namespace Vigil.Simulator.Activity;

/// <summary>Which of the optional InitiatingProcess* columns a Device* table has (the rest all of them have).</summary>
[Flags]
internal enum InitiatingColumns
{
    Common = 0,

    /// <summary>InitiatingProcessLogonId (DeviceProcessEvents, DeviceEvents).</summary>
    LogonId = 1,

    /// <summary>InitiatingProcessIntegrityLevel and InitiatingProcessTokenElevation (all but DeviceEvents).</summary>
    Integrity = 2,

    /// <summary>InitiatingProcessSignerType and InitiatingProcessSignatureStatus (DeviceProcessEvents).</summary>
    Signature = 4,
}
