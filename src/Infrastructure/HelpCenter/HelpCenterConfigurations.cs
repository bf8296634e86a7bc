using MesaServicios.Domain.HelpCenter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.HelpCenter;

internal sealed class HelpArticleConfiguration : IEntityTypeConfiguration<HelpArticle>
{
    public void Configure(EntityTypeBuilder<HelpArticle> builder)
    {
        builder.ToTable("HelpArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Slug).HasMaxLength(HelpArticle.SlugMaxLength).IsRequired();
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.Category).HasConversion<int>();
        builder.Property(a => a.Tags).IsRequired();
        builder.Property(a => a.TitleEs).HasMaxLength(HelpArticle.TitleMaxLength).IsRequired();
        builder.Property(a => a.BodyEs).IsRequired();
        builder.Property(a => a.BodyHtmlEs).IsRequired();
        builder.Property(a => a.BodyTextEs).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(HelpArticle.TitleMaxLength);
        builder.Property(a => a.VideoUrl).HasMaxLength(HelpArticle.UrlMaxLength);
        builder.Property(a => a.SeedKey).HasMaxLength(HelpArticle.SlugMaxLength);

        // Incremented by the aggregate on every edit, publication or withdrawal (not by views or votes).
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.SeedKey).IsUnique().HasFilter("\"SeedKey\" IS NOT NULL");
        builder.HasIndex(a => new { a.IsPublished, a.Category, a.Order });

        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HelpArticleRevisionConfiguration : IEntityTypeConfiguration<HelpArticleRevision>
{
    public void Configure(EntityTypeBuilder<HelpArticleRevision> builder)
    {
        builder.ToTable("HelpArticleRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<int>();
        builder.Property(r => r.ChangedFields).IsRequired();
        builder.Property(r => r.Snapshot).IsRequired();
        builder.HasIndex(r => new { r.ArticleId, r.Number });
    }
}

internal sealed class HelpVoteConfiguration : IEntityTypeConfiguration<HelpVote>
{
    public void Configure(EntityTypeBuilder<HelpVote> builder)
    {
        builder.ToTable("HelpVotes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedOnAdd();
        builder.Property(v => v.VoterKey).HasMaxLength(100).IsRequired();

        // One vote per voter and article, whatever the timing of two requests.
        builder.HasIndex(v => new { v.ArticleId, v.VoterKey }).IsUnique();
        builder.HasOne<HelpArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}
