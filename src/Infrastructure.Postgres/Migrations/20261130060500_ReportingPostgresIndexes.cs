using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Postgres.Migrations
{
    /// <summary>PostgreSQL only (the model is unchanged): the reporting indexes as covering indexes with INCLUDE.</summary>
    [DbContext(typeof(MesaDbContext))]
    [Migration("20261130060500_ReportingPostgresIndexes")]
    public partial class ReportingPostgresIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Reporting.ReportingPostgresSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Reporting.ReportingPostgresSql.Down(migrationBuilder);
        }
    }
}
