using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Galen.Evidence.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffPasskeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_user_passkeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_passkeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_staff_user_passkeys_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_passkeys_UserId",
                table: "staff_user_passkeys",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_user_passkeys");
        }
    }
}
