using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HelpCenter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyEs = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtmlEs = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTextEs = table.Column<string>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BodyEn = table.Column<string>(type: "TEXT", nullable: true),
                    BodyHtmlEn = table.Column<string>(type: "TEXT", nullable: true),
                    BodyTextEn = table.Column<string>(type: "TEXT", nullable: true),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VideoDurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    Transcript = table.Column<string>(type: "TEXT", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SeedKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SourceTicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    ViewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpArticleRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpArticleRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpArticleRevisions_HelpArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "HelpArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpVotes_HelpArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "HelpArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticleRevisions_ArticleId_Number",
                table: "HelpArticleRevisions",
                columns: new[] { "ArticleId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_IsPublished_Category_Order",
                table: "HelpArticles",
                columns: new[] { "IsPublished", "Category", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_SeedKey",
                table: "HelpArticles",
                column: "SeedKey",
                unique: true,
                filter: "\"SeedKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_HelpArticles_Slug",
                table: "HelpArticles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpVotes_ArticleId_VoterKey",
                table: "HelpVotes",
                columns: new[] { "ArticleId", "VoterKey" },
                unique: true);

            MesaServicios.Infrastructure.HelpCenter.HelpCenterSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.HelpCenter.HelpCenterSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "HelpArticleRevisions");

            migrationBuilder.DropTable(
                name: "HelpVotes");

            migrationBuilder.DropTable(
                name: "HelpArticles");
        }
    }
}
