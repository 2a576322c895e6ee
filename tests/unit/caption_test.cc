// Caption and credit apart (src/assemble/caption.h): the ways captions write their credit.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "assemble/caption.h"

namespace {

std::pair<std::string, std::string> split(std::string caption, std::string credit = "") {
  lede::assemble::split_credit(&caption, &credit);
  return {caption, credit};
}

using Parts = std::pair<std::string, std::string>;

TEST(Caption, ALeadInAtAWordsStartOrAfterASentence) {
  EXPECT_EQ(split("A protest in Kyiv. Фото: bzns.media"), Parts("A protest in Kyiv.", "Фото: bzns.media"));
  EXPECT_EQ(split("Migrants at a centre in Albania.Foto: Florion Goga (REUTERS)"),
            Parts("Migrants at a centre in Albania.", "Foto: Florion Goga (REUTERS)"));
  EXPECT_EQ(split("Quelle: fhm/Getty Images; Montage: Infografik WELT"),
            Parts("", "Quelle: fhm/Getty Images; Montage: Infografik WELT"));
  EXPECT_EQ(split("The wall at dawn (Photo: Jane Doe)"), Parts("The wall at dawn", "Photo: Jane Doe"));
  // Inside a word it is no lead-in.
  EXPECT_EQ(split("The squad's TeamPhoto: a tradition"), Parts("The squad's TeamPhoto: a tradition", ""));
  // In any case, the lead-in that opens first: "Photo Credit:" whole, not "Credit:" after a stray "Photo".
  EXPECT_EQ(split("A new rice bowl for today's diner. (Photo Credit: Melissa Zink Photography)"),
            Parts("A new rice bowl for today's diner.", "Photo Credit: Melissa Zink Photography"));
  EXPECT_EQ(split("Image source: Getty Images."), Parts("", "Image source: Getty Images."));
  EXPECT_EQ(split("A tulip tree in Washington Square Park. Photograph by Georgia Silvera Seamans."),
            Parts("A tulip tree in Washington Square Park.", "Photograph by Georgia Silvera Seamans."));
  EXPECT_EQ(split("Cindy Sherman, Untitled Film Still #21, 1978. Image courtesy the artist."),
            Parts("Cindy Sherman, Untitled Film Still #21, 1978.", "Image courtesy the artist."));
}

TEST(Caption, ALastParenthesisNamingAnAgencyOrAProvider) {
  EXPECT_EQ(split("More than 3,000 court documents have been released. (AP)"),
            Parts("More than 3,000 court documents have been released.", "AP"));
  EXPECT_EQ(split("通話試験を行う技官（警視庁提供）"), Parts("通話試験を行う技官", "警視庁提供"));
  // A parenthesis that is part of the caption stays.
  EXPECT_EQ(split("The mayor (left) and the harbour master"), Parts("The mayor (left) and the harbour master", ""));
}

TEST(Caption, ALastLineThatIsACredit) {
  EXPECT_EQ(split("Nina Chuba at the festival.\nLichtgut/Christoph Schmidt"),
            Parts("Nina Chuba at the festival.", "Lichtgut/Christoph Schmidt"));
  EXPECT_EQ(split("The harbour at night.\nThe new wall was finished in May."),
            Parts("The harbour at night.\nThe new wall was finished in May.", ""));
}

TEST(Caption, AKnownCreditIsKept) {
  EXPECT_EQ(split("A protest in Kyiv. Фото: bzns.media", "Reuters"), Parts("A protest in Kyiv. Фото: bzns.media", "Reuters"));
}

}  // namespace
