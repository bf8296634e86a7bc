using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MaterialTypeEnglishNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnglishName",
                table: "MaterialTypes",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 1,
                column: "EnglishName",
                value: "Laptop");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 2,
                column: "EnglishName",
                value: "Projector");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 3,
                column: "EnglishName",
                value: "Camera");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 4,
                column: "EnglishName",
                value: "Speaker");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 5,
                column: "EnglishName",
                value: "Microphone");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 6,
                column: "EnglishName",
                value: "Extension cord");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 7,
                column: "EnglishName",
                value: "Tablet");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 8,
                column: "EnglishName",
                value: "Laser pointer");

            migrationBuilder.UpdateData(
                table: "MaterialTypes",
                keyColumn: "Id",
                keyValue: 9,
                column: "EnglishName",
                value: "HDMI adapter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnglishName",
                table: "MaterialTypes");
        }
    }
}
