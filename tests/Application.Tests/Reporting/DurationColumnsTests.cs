using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tests.Reporting;

public sealed class DurationColumnsTests
{
    [Fact]
    public void From_KeysEachTechnicianOnce_AndGivesBackEveryTicketsValues()
    {
        TicketDuration[] durations =
        [
            new(Urgency.High, "tech-a", "Ana", 12.5, 60),
            new(Urgency.Low, null, null, null, null),
            new(Urgency.Medium, "tech-b", "Bruno", 3, null),
            new(Urgency.VeryHigh, "tech-a", "Ana", null, 15.25),
        ];

        var columns = DurationColumns.From(durations);

        Assert.Equal(durations, columns.ToArray());
        Assert.Equal([null, "tech-a", "tech-b"], columns.TechnicianIds);
        Assert.Equal([null, "Ana", "Bruno"], columns.TechnicianNames);
        Assert.Equal([1, 0, 2, 1], columns.TechnicianKeys.ToArray());
        Assert.True(double.IsNaN(columns.Own[3]));
        Assert.Equal(15.25, columns.Resolve[3]);
    }
}
