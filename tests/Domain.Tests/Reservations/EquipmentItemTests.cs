using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Domain.Tests.Reservations;

/// <summary>The item's states: every state × every action.</summary>
public sealed class EquipmentItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    public static TheoryData<EquipmentState, string, EquipmentState?> Table() => new()
    {
        { EquipmentState.Available, "maintenance", EquipmentState.InMaintenance },
        { EquipmentState.Available, "end", null },
        { EquipmentState.Available, "retire", EquipmentState.Retired },
        { EquipmentState.InMaintenance, "maintenance", null },
        { EquipmentState.InMaintenance, "end", EquipmentState.Available },
        { EquipmentState.InMaintenance, "retire", EquipmentState.Retired },
        { EquipmentState.Retired, "maintenance", null },
        { EquipmentState.Retired, "end", null },
        { EquipmentState.Retired, "retire", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryStateAndAction(EquipmentState from, string action, EquipmentState? to)
    {
        var item = In(from);
        var version = item.Version;
        Action act = action switch
        {
            "maintenance" => () => item.PutInMaintenance("Revisión", Now),
            "end" => () => item.EndMaintenance(Now),
            _ => () => item.Retire(Now),
        };
        if (to is { } expected)
        {
            act();
            Assert.Equal(expected, item.State);
            Assert.Equal(version + 1, item.Version);
        }
        else
        {
            var error = Assert.Throws<DomainException>(act);
            Assert.Equal(DomainErrorKind.Conflict, error.Kind);
            Assert.Equal(from, item.State);
            Assert.Equal(version, item.Version);
        }
    }

    [Fact]
    public void TheCode_IsTrimmedAndUpperCase_AndRequired()
    {
        Assert.Equal("PT-0042", EquipmentItem.Create("  pt-0042 ", "Portátil", 1, null, null, Now).Code);
        Assert.Equal("equipment.code_invalid", Assert.Throws<DomainException>(() => EquipmentItem.Create(" ", "Portátil", 1, null, null, Now)).Code);
        Assert.Equal("equipment.name_invalid", Assert.Throws<DomainException>(() => EquipmentItem.Create("X-1", " ", 1, null, null, Now)).Code);
    }

    [Fact]
    public void ARetiredItem_CannotBeEdited()
    {
        var item = In(EquipmentState.Retired);
        Assert.Equal("equipment.retired", Assert.Throws<DomainException>(() => item.Edit("X-2", "Otro", 1, null, null, Now)).Code);
    }

    private static EquipmentItem In(EquipmentState state)
    {
        var item = EquipmentItem.Create("PT-0001", "Portátil", 1, null, null, Now);
        if (state == EquipmentState.InMaintenance)
        {
            item.PutInMaintenance(null, Now);
        }
        else if (state == EquipmentState.Retired)
        {
            item.Retire(Now);
        }

        return item;
    }
}
