using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;

namespace MesaServicios.Domain.Tests.Notifications;

public sealed class DeskAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(long.MaxValue)]
    public void PublicId_RoundTrips_AndIsNeverANotificationsId(long id)
    {
        var publicId = DeskAlert.PublicId(id);

        Assert.True(DeskAlert.TryParsePublicId(publicId, out var back));
        Assert.Equal(id, back);
        Assert.NotEqual(7, publicId.Version);
        Assert.False(DeskAlert.TryParsePublicId(Notification.Create(Guid.NewGuid(), "ticket.created", 1, "t", "b", null, Now).Id, out _));
        Assert.False(DeskAlert.TryParsePublicId(Guid.Empty, out _));
    }

    [Fact]
    public void Create_LeavesOutAtMostTwoPeople()
    {
        var one = Guid.NewGuid();
        var two = Guid.NewGuid();

        var alert = DeskAlert.Create("ticket.created", 5, "es", "Nuevo ticket #5", "Texto", "/tickets/5", [one, two], Now);

        Assert.Equal(one, alert.ExceptUserId);
        Assert.Equal(two, alert.ExceptOtherUserId);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeskAlert.Create("ticket.created", 5, "es", "t", "b", null, [one, two, Guid.NewGuid()], Now));
    }

    [Fact]
    public void Watermark_OnlyMovesForward()
    {
        var watermark = DeskAlertWatermark.Create(Guid.NewGuid(), 10, Now);

        watermark.MoveTo(8, Now.AddMinutes(1));
        Assert.Equal(10, watermark.ReadUpTo);
        Assert.Equal(Now, watermark.MarkedAt);

        watermark.MoveTo(12, Now.AddMinutes(2));
        Assert.Equal(12, watermark.ReadUpTo);
        Assert.Equal(Now.AddMinutes(2), watermark.MarkedAt);
    }

    [Fact]
    public void User_DeskSince_IsWhenHeLastJoinedTheDesk()
    {
        var requester = User.Create("ana@iescinoc.edu.co", "Ana", null, null, UserRole.Requester, "es", Now);
        Assert.Null(requester.DeskSince);

        requester.ChangeRole(UserRole.Technician, Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), requester.DeskSince);

        requester.ChangeRole(UserRole.Administrator, Now.AddDays(2));
        Assert.Equal(Now.AddDays(1), requester.DeskSince);

        requester.ChangeRole(UserRole.Requester, Now.AddDays(3));
        Assert.Null(requester.DeskSince);

        Assert.Equal(Now, User.Create("tomas@iescinoc.edu.co", "Tomás", null, null, UserRole.Technician, "es", Now).DeskSince);
    }
}
