// Adds an embed when the button is pressed, as a page's own script would.
const button = document.getElementById("add-embed");
button.addEventListener("click", () => {
  const embed = document.createElement("reader-widget");
  embed.setAttribute("src", "../articles/syria-resolution.json");
  document.getElementById("embeds").append(embed);
});
