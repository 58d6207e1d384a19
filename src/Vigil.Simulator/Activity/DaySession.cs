using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>A user's interactive session on a workstation for one day: the logon, the shell and the apps left open.</summary>
internal sealed record DaySession(Account User, long LogonId, DateTime LogonTime, Proc Explorer, Proc Outlook, Proc Browser);
